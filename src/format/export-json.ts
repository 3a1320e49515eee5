/**
 * An export record as JSON text in steps: exactly `JSON.stringify(record)`, the tool entries
 * written a few hundred at a time (a 100,000-object record is 27 MB of text, about 200 ms to
 * stringify at once). Each piece of text goes to `write` as it is done (an element makes a Blob
 * part of each), never held as one string.
 */
import type { ExportRecord } from './types.js';
import type { Steps } from './steps.js';

/** Tool entries stringified between two pauses (about a millisecond). */
const JSON_STEP = 500;

export function* exportJsonSteps(record: ExportRecord, write: (text: string) => void): Steps<void> {
  let text = '{';
  let first = true;
  /** `"key":value` in `JSON.stringify`'s order and way: a key whose value it leaves out (undefined) is left out. */
  const member = (key: string, value: unknown) => {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) return;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`;
    first = false;
  };
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'task') {
      member(key, value);
      continue;
    }
    text += `${first ? '' : ','}"task":{`;
    first = true;
    for (const [taskKey, taskValue] of Object.entries(record.task)) {
      if (taskKey !== 'tools') {
        member(taskKey, taskValue);
        continue;
      }
      text += `${first ? '' : ','}"tools":[`;
      const tools = record.task.tools;
      for (let i = 0; i < tools.length; i++) {
        if (i > 0 && i % JSON_STEP === 0) {
          write(text);
          text = '';
          yield;
        }
        text += `${i === 0 ? '' : ','}${JSON.stringify(tools[i]) ?? 'null'}`;
      }
      text += ']';
      first = false;
    }
    text += '}';
    first = false;
  }
  write(`${text}}`);
}
