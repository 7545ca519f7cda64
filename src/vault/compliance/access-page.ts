// The human-readable form of an access export: one HTML page, every value escaped.
import type { AccessExport } from './access-export.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return escapeHtml(value.toISOString());
  if (typeof value === 'string') return escapeHtml(value);
  return escapeHtml(JSON.stringify(value) ?? '');
}

function table(rows: readonly object[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((row) => {
      const values = row as Record<string, unknown>;
      return `<tr>${columns.map((c) => `<td>${cell(values[c])}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function section(title: string, content: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

export function renderAccessPage(data: AccessExport): string {
  const { identity } = data;
  const identityRows = [
    { field: 'Name', value: `${identity.givenName} ${identity.familyName}` },
    { field: 'Email', value: identity.email },
    { field: 'Phone', value: identity.phone },
    {
      field: 'Address',
      value: `${identity.address.street}, ${identity.address.postalCode} ${identity.address.city}, ${identity.address.country}`,
    },
    { field: 'Date of birth', value: identity.dateOfBirth },
    { field: 'National id', value: identity.nationalId },
    { field: 'IBAN', value: identity.iban },
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data held by ${escapeHtml(data.controller)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;font-size:.85rem}
td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}h2{margin-top:2rem}</style>
</head>
<body>
<h1>Your data held by ${escapeHtml(data.controller)}</h1>
<p>Generated ${escapeHtml(data.generatedAt)}${data.requestId === undefined ? '' : ` for request ${escapeHtml(data.requestId)}`}.
The same data is attached as machine-readable JSON.</p>
${section('Identity', table(identityRows))}
${section('Accounts', table(data.accounts))}
${section('Products held', table(data.productsHeld))}
${section(`Transactions (${data.transactions.length})`, table(data.transactions))}
${section('Consent now', table(data.consent.current))}
${section('Consent history', table(data.consent.history))}
${section('Preferences', table([data.preferences]))}
${section('Not interested in', table(data.suppressions))}
${section('Inbox messages and your responses', table(data.inbox))}
${section('Spending insights sent to you', table(data.insights))}
${section('Introductions to advisors', table(data.leads))}
${section('Restrictions of processing', table(data.restrictions))}
${section('Your requests', table(data.subjectRequests))}
${section('Transparency log entries about you', table(data.auditEntries.map((e) => ({ index: e.index, ...e.entry }))))}
${section('Not included', `<ul>${data.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`)}
</body>
</html>
`;
}
