// What the example keeps: ontologies, tasks (one asset each, in queue order) and, per task, the
// latest record a labeller submitted or skipped and a reviewer's verdict. Records are stored as
// the export JSON labelkit gives (FORMAT.md §2), next to the server's own user and time: the
// record's audit fields are the browser's claims.
import { openDatabase } from './database.mjs';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ontologies (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     body TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS tasks (
     id TEXT PRIMARY KEY,
     position INTEGER NOT NULL,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     media_path TEXT NOT NULL,
     ontology_id TEXT NOT NULL REFERENCES ontologies(id)
   )`,
  `CREATE TABLE IF NOT EXISTS records (
     task_id TEXT PRIMARY KEY REFERENCES tasks(id),
     status TEXT NOT NULL,
     record TEXT NOT NULL,
     saved_by TEXT NOT NULL,
     saved_at TEXT NOT NULL,
     verdict TEXT,
     review_comment TEXT,
     review_error_code TEXT,
     reviewed_by TEXT,
     reviewed_at TEXT
   )`,
];

const TASK_COLUMNS = `t.id, t.kind, t.title, t.media_path AS "mediaPath", t.ontology_id AS "ontologyId",
  COALESCE(r.status, 'open') AS status, r.verdict AS verdict`;

/** @param {{ databaseUrl?: string, sqliteFile: string }} options */
export async function openStore(options) {
  const db = await openDatabase(options);

  const store = {
    kind: db.kind,

    /** Creates the tables and adds the seed's ontologies and tasks that are not there yet. */
    async prepare({ ontologies, tasks }) {
      await db.transaction(async (tx) => {
        for (const statement of SCHEMA) await tx.run(statement);
        for (const ontology of ontologies) {
          await tx.run('INSERT INTO ontologies (id, title, body) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING', [
            ontology.id,
            ontology.title,
            JSON.stringify(ontology.body),
          ]);
        }
        for (const [position, task] of tasks.entries()) {
          await tx.run(
            'INSERT INTO tasks (id, position, kind, title, media_path, ontology_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
            [task.id, position, task.kind, task.title, task.mediaPath, task.ontologyId],
          );
        }
      });
    },

    /** The queue, in order, with each task's status. */
    listTasks: () => db.all(`SELECT ${TASK_COLUMNS} FROM tasks t LEFT JOIN records r ON r.task_id = t.id ORDER BY t.position`),

    /** One task with its ontology and saved record (or null), or undefined when there is none. */
    async getTask(id) {
      const [row] = await db.all(
        `SELECT ${TASK_COLUMNS}, o.body AS ontology, r.record AS record, r.saved_at AS "savedAt"
         FROM tasks t JOIN ontologies o ON o.id = t.ontology_id LEFT JOIN records r ON r.task_id = t.id
         WHERE t.id = ?`,
        [id],
      );
      if (!row) return undefined;
      return { ...row, ontology: JSON.parse(String(row.ontology)), record: row.record ? JSON.parse(String(row.record)) : null };
    },

    /** Keeps the labeller's record (`submitted` or `skipped`); a new save clears an old verdict. */
    saveRecord: (taskId, { status, record, user, at }) =>
      db.run(
        `INSERT INTO records (task_id, status, record, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (task_id) DO UPDATE SET status = excluded.status, record = excluded.record,
           saved_by = excluded.saved_by, saved_at = excluded.saved_at,
           verdict = NULL, review_comment = NULL, review_error_code = NULL, reviewed_by = NULL, reviewed_at = NULL`,
        [taskId, status, JSON.stringify(record), user, at],
      ),

    /** A reviewer's verdict on a saved record; false when the task has none to review. */
    async saveReview(taskId, { verdict, comment, errorCode, user, at }) {
      const [saved] = await db.all('SELECT status FROM records WHERE task_id = ?', [taskId]);
      if (saved?.status !== 'submitted') return false;
      await db.run('UPDATE records SET verdict = ?, review_comment = ?, review_error_code = ?, reviewed_by = ?, reviewed_at = ? WHERE task_id = ?', [
        verdict,
        comment,
        errorCode,
        user,
        at,
        taskId,
      ]);
      return true;
    },

    close: () => db.close(),
  };
  return store;
}
