// Reads what the example server stored, straight from its database (SQLite file or Postgres).
export async function storedRecord({ sqliteFile, databaseUrl }, taskId) {
  const sql = `SELECT status, record, saved_by AS "savedBy", verdict, review_comment AS "reviewComment", review_error_code AS "reviewErrorCode"
    FROM records WHERE task_id = `;
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client(databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query(`${sql}$1`, [taskId]);
      return rows[0] ? { ...rows[0], record: JSON.parse(rows[0].record) } : undefined;
    } finally {
      await client.end();
    }
  }
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(sqliteFile, { readonly: true });
  try {
    const row = db.prepare(`${sql}?`).get(taskId);
    return row ? { ...row, record: JSON.parse(row.record) } : undefined;
  } finally {
    db.close();
  }
}
