// Marketer: the saved, named segments a campaign is built from, and saving a new one (checked for free as typed).
import { useState, type FormEvent } from 'react';
import { questionPurposes } from '../../../src/core/question-purposes.ts';
import { post } from '../api.ts';
import type { Item, Reply } from '../api/types.ts';
import { RefusalBox } from '../refusal-box.tsx';
import { refusalOf, type Refusal } from '../refusal-words.ts';
import { SegmentWriter, useSegmentCheck } from '../segment-writer.tsx';
import { Alert } from '../ui.tsx';

export type Segment = Item<Reply<'/v1/hub/segments', 'get'>['segments']>;

export const purposeTitle = (code: string): string =>
  questionPurposes.find((p) => p.code === code)?.title ?? code;

export function SegmentTable({ segments }: { segments: readonly Segment[] }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>Saved segments</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Purpose</th>
            <th scope="col">Expression</th>
            <th scope="col">Saved by</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{purposeTitle(s.purpose)}</td>
              <td className="wrap">
                <code>{s.expression}</code>
              </td>
              <td>{s.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SaveSegment({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('bank_offers');
  const [expression, setExpression] = useState('');
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<Refusal>();
  const check = useSegmentCheck(expression, purpose);
  const ready = name.trim() !== '' && !check.checking && check.explanation !== undefined;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(undefined);
    setError(undefined);
    try {
      await post('/v1/hub/segments', { name: name.trim(), expression, purpose });
      setSaved(`Saved: “${name.trim()}”. Pick it for a campaign below.`);
      setName('');
      setExpression('');
      onSaved();
    } catch (failure) {
      setError(refusalOf(failure));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="save-segment">
      <h3 id="save-segment">Save a new segment</h3>
      <label htmlFor="segment-name">Segment name</label>
      <input id="segment-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="segment-purpose">Purpose</label>
      <select id="segment-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
        {questionPurposes.map((p) => (
          <option key={p.code} value={p.code}>
            {p.title}
          </option>
        ))}
      </select>
      <SegmentWriter
        id="segment-expression"
        label="Segment expression (checked as you type, free)"
        value={expression}
        onChange={setExpression}
        check={check}
      />
      <button type="submit" disabled={!ready}>
        Save segment
      </button>
      {saved === undefined ? null : <Alert kind="success">{saved}</Alert>}
      <RefusalBox refusal={error} />
    </form>
  );
}
