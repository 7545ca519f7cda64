// Compliance on the command line: subject requests, erasure receipts, retention, records of processing.
import type { RetentionChange } from '../vault/compliance/transaction-retention.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { piiFields, type CustomerPii } from '../core/identity.ts';
import { CurtainError } from '../core/errors.ts';
import { HubStorage } from '../hub/hub-storage.ts';
import { requireRole } from '../hub/staff.ts';
import type { Storage } from '../storage/ports.ts';
import type { IdentityStore } from '../vault/identity/identity-store.ts';
import type { ComplianceService } from '../vault/compliance/compliance-service.ts';
import { daysLeft, requestRegimes, type RequestRegime } from '../vault/compliance/deadlines.ts';
import { requestKinds, type RequestKind, type SubjectRequest } from '../vault/compliance/subject-requests.ts';
import { ropaCsv, ropaMarkdown } from '../vault/compliance/ropa.ts';
import type { FairLendingReport } from '../vault/compliance/fair-lending.ts';

export interface ComplianceVault {
  readonly storage: Storage;
  readonly identity: Pick<IdentityStore, 'findCustomer'>;
  readonly compliance: ComplianceService;
}

export type OpenComplianceVault = () => Promise<{ vault: ComplianceVault; close(): Promise<void> }>;
export type Print = (line: string) => void;

const day = (at: Date) => at.toISOString().slice(0, 10);

export function describeRequest(request: SubjectRequest, now: Date): string {
  const open = request.status === 'received' || request.status === 'verified';
  const left = daysLeft(request.dueAt, now);
  const deadline = open ? (left < 0 ? `OVERDUE by ${-left} day(s)` : `${left} day(s) left`) : 'closed';
  return [
    request.id,
    request.kind,
    request.regime.toUpperCase(),
    request.status + (request.rejection === undefined ? '' : ` (${request.rejection})`),
    `received ${day(request.receivedAt)}`,
    `due ${day(request.dueAt)}`,
    deadline,
  ].join('\t');
}

const percent = (rate: number | null) => (rate === null ? 'suppressed' : `${(rate * 100).toFixed(1)}%`);

/** The fair-lending report as a table: one line per group, suppressed cells named, flags marked. */
export function fairLendingLines(report: FairLendingReport): string[] {
  const cell = (n: number | null) => (n === null ? 'suppressed' : String(n));
  return [
    `fair lending: campaign ${report.campaignId} (${report.purpose}), groups by ${report.attribute}`,
    `released ${report.releasedOn}${report.repeated ? ' (repeat of today’s release, no ε charged)' : `, ε ${report.epsilon} charged`}`,
    ['group', 'audience', 'interested', 'selection', 'vs reference', ''].join('\t'),
    ...report.groups.map((g) =>
      [
        g.group,
        cell(g.delivered),
        cell(g.interested),
        percent(g.selectionRate),
        g.ratioToReference === null ? 'suppressed' : g.ratioToReference.toFixed(2),
        g.flagged ? `FLAG: under ${report.threshold}` : g.group === report.referenceGroup ? 'reference' : '',
      ].join('\t'),
    ),
    !report.measured
      ? `NOT MEASURED: ${report.notMeasuredReason ?? 'no ratio between groups exists'}`
      : report.flagged.length === 0
        ? 'no group is selected at under four fifths of the reference group’s rate'
        : `flagged: ${report.flagged.join(', ')} (selection rate under four fifths of ${report.referenceGroup ?? '—'})`,
    `budget left: ${report.budget.askerRemaining} for you, ${report.budget.vaultRemaining} vault-wide; resets ${report.budget.resetsAt}`,
    ...report.notes.map((note) => `note: ${note}`),
  ];
}

/** `--set field=value` pairs as identity changes; addresses as `address.street=…`. */
export function parseChanges(pairs: readonly string[], current?: CustomerPii): Partial<CustomerPii> {
  const changes: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CurtainError('USAGE', 'each --set is field=value');
    const field = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (field.startsWith('address.')) {
      const part = field.slice('address.'.length);
      if (!['street', 'postalCode', 'city', 'country'].includes(part)) {
        throw new CurtainError('USAGE', `not an address field: ${part}`);
      }
      const address = (changes['address'] ?? { ...current?.address }) as Record<string, string>;
      changes['address'] = { ...address, [part]: value };
    } else if ((piiFields as readonly string[]).includes(field) && field !== 'address') {
      changes[field] = value;
    } else {
      throw new CurtainError('USAGE', `not an identity field: ${field}`);
    }
  }
  return changes;
}

async function session(open: OpenComplianceVault, work: (vault: ComplianceVault) => Promise<void>) {
  const opened = await open();
  try {
    await work(opened.vault);
  } finally {
    await opened.close();
  }
}

async function completeRequest(
  vault: ComplianceVault,
  id: string,
  options: { out?: string; set?: string[]; externalId?: string },
  print: Print,
): Promise<void> {
  const request = await vault.compliance.requests.get(id);
  const out = options.out ?? '.';
  switch (request.kind) {
    case 'access': {
      const result = await vault.compliance.access(id);
      await mkdir(out, { recursive: true, mode: 0o700 });
      const json = join(out, `access-${id}.json`);
      const html = join(out, `access-${id}.html`);
      await writeFile(json, JSON.stringify(result.data, null, 2), { mode: 0o600 });
      await writeFile(html, result.html, { mode: 0o600 });
      print(`access request ${id} completed: ${result.data.transactions.length} transactions`);
      print(`wrote ${json} and ${html} (they hold personal data: hand them to the customer only)`);
      return;
    }
    case 'rectification': {
      const done = await vault.compliance.rectify(id, parseChanges(options.set ?? []));
      const fields = (done.outcome?.['fields'] as string[] | undefined) ?? [];
      print(`rectified ${fields.length ? fields.join(', ') : 'nothing (no field changed)'}`);
      return;
    }
    case 'restriction':
    case 'objection':
      await vault.compliance.restrict(id, request.kind);
      print(`${request.kind} in force: the customer is left out of every question and delivery`);
      return;
    case 'erasure': {
      const outcome = await vault.compliance.erase(id, options.externalId);
      await mkdir(out, { recursive: true, mode: 0o700 });
      const file = join(out, `erasure-receipt-${id}.jws`);
      await writeFile(file, `${outcome.receipt}\n`);
      const { statement } = outcome;
      print(
        `erased: identity shredded; scan of ${statement.scan.tables} tables in ${statement.scan.schemas.join(', ')}`,
      );
      print(
        `  (${statement.scan.rowsScanned} rows, log of ${statement.scan.logSize} entries) found no personal data`,
      );
      print(
        `  kept under legal hold: ${statement.legalHold.transactions} transactions until ${statement.legalHold.heldUntil ?? '—'}`,
      );
      print(`receipt ${file}; its hash ${outcome.receiptHash} is log entry ${outcome.logIndex}`);
      return;
    }
  }
}

/** `curtain requests …`, `erasure verify`, `retention …`, `compliance ropa`, `compliance fair-lending`. */
const print: Print = (line) => console.log(line);

/** The sub-commands of `curtain requests`. */
export function defineRequestCommands(requests: Command, open: OpenComplianceVault): void {
  defineRequestIntake(requests, open);
  defineRequestQueue(requests, open);
}

function defineRequestIntake(requests: Command, open: OpenComplianceVault): void {
  requests
    .command('receive')
    .description('record a new request; prints its id and legal deadline')
    .addOption(new Option('--kind <kind>', 'what is asked').choices(requestKinds).makeOptionMandatory())
    .addOption(
      new Option('--regime <regime>', 'the law it is made under').choices(requestRegimes).default('gdpr'),
    )
    .action((options: { kind: RequestKind; regime: RequestRegime }) =>
      session(open, async (vault) => {
        const request = await vault.compliance.requests.receive(options.kind, options.regime);
        print(describeRequest(request, new Date()));
      }),
    );
  requests
    .command('verify')
    .description('check the requester: external id and a second factor on file (email or date of birth)')
    .argument('<id>')
    .requiredOption('--external-id <id>', 'the customer’s external id, as the requester gave it')
    .option('--email <email>', 'the email the requester gave')
    .option('--date-of-birth <date>', 'the date of birth the requester gave (YYYY-MM-DD)')
    .action((id: string, options: { externalId: string; email?: string; dateOfBirth?: string }) =>
      session(open, async (vault) => {
        const request = await vault.compliance.requests.verify(id, {
          externalId: options.externalId,
          ...(options.email === undefined ? {} : { email: options.email }),
          ...(options.dateOfBirth === undefined ? {} : { dateOfBirth: options.dateOfBirth }),
        });
        print(describeRequest(request, new Date()));
      }),
    );
  requests
    .command('complete')
    .description('carry out a verified request (access writes files; erasure writes the signed receipt)')
    .argument('<id>')
    .option('--out <dir>', 'where access exports and erasure receipts go', '.')
    .option('--set <field=value...>', 'rectification: the corrected fields')
    .option('--external-id <id>', 'erasure: also scan for the external id in plaintext')
    .action((id: string, options: { out?: string; set?: string[]; externalId?: string }) =>
      session(open, (vault) => completeRequest(vault, id, options, print)),
    );
  requests
    .command('reject')
    .description(
      'reject a request for a lawful reason: manifestly-unfounded, manifestly-excessive, identity-not-verified, ' +
        'legal-obligation, legal-claims, public-interest-archiving, restriction-conditions-not-met, ' +
        'compelling-legitimate-grounds, ccpa-deletion-exception',
    )
    .argument('<id>')
    .requiredOption('--reason <code>')
    .option('--note <text>', 'in your own words (shown to the requester, never written to the log)')
    .action((id: string, options: { reason: string; note?: string }) =>
      session(open, async (vault) =>
        print(
          describeRequest(
            await vault.compliance.requests.reject(id, options.reason, options.note),
            new Date(),
          ),
        ),
      ),
    );
}

function defineRequestQueue(requests: Command, open: OpenComplianceVault): void {
  requests
    .command('list')
    .description('requests, newest first, with their deadlines')
    .option('--open', 'only those not yet closed')
    .action((options: { open?: boolean }) =>
      session(open, async (vault) => {
        const now = new Date();
        for (const r of await vault.compliance.requests.list({ open: options.open === true })) {
          print(describeRequest(r, now));
        }
      }),
    );
  requests
    .command('overdue')
    .description('open requests past their legal deadline')
    .action(() =>
      session(open, async (vault) => {
        const now = new Date();
        const overdue = await vault.compliance.requests.overdue(now);
        if (overdue.length === 0) print('no request is overdue');
        for (const r of overdue) print(describeRequest(r, now));
      }),
    );
  requests
    .command('lift')
    .description('lift a restriction or an objection of a customer')
    .requiredOption('--customer <external-id>')
    .addOption(new Option('--reason <reason>').choices(['restriction', 'objection']).makeOptionMandatory())
    .action((options: { customer: string; reason: 'restriction' | 'objection' }) =>
      session(open, async (vault) => {
        const id = await vault.identity.findCustomer('external_id', options.customer);
        if (id === undefined)
          throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
        const lifted = await vault.compliance.lift(id, options.reason);
        print(lifted ? `${options.reason} lifted` : `no ${options.reason} was in force`);
      }),
    );
}

/** The sub-commands of `curtain erasure`. */
export function defineErasureCommands(erasure: Command, open: OpenComplianceVault): void {
  erasure
    .command('verify')
    .description('check a receipt’s signature and that its hash is in the transparency log')
    .argument('<receipt-file>')
    .action((file: string) =>
      session(open, async (vault) => {
        const receipt = await readFile(file, 'utf8').catch(() => {
          throw new CurtainError('NOT_FOUND', 'the receipt file cannot be read');
        });
        const verdict = await vault.compliance.verifyErasureReceipt(receipt);
        if (!verdict.ok) throw new CurtainError('ERASURE_RECEIPT_INVALID', verdict.reason);
        print(
          `valid: request ${verdict.receipt.requestId} erased ${verdict.receipt.erasedAt}; ` +
            `log entry ${verdict.logIndex} proves against the signed head of ${verdict.treeSize} entries`,
        );
      }),
    );
}

function printRetentionChange(change: RetentionChange): void {
  const { version } = change;
  print(
    `retention version ${version.version}: transactions ${version.days} days, former customers ` +
      `${version.amlYears} years (AML), ${version.status}`,
  );
  const verb = version.status === 'proposed' ? 'would' : 'will';
  if (change.rowsToRemove !== undefined) {
    print(
      `  the next retention run ${verb} remove ${change.rowsToRemove} transactions booked before its window`,
    );
  }
  if (change.customersToErase !== undefined) {
    print(
      `  the next retention run ${verb} erase ${change.customersToErase} former customers past the AML period`,
    );
  }
  if (version.status === 'proposed')
    print('  a shorter period takes effect only once another person approves it');
}

/** `curtain retention propose | propose-aml | approve | reject`: the versioned periods, shortened by two people. */
function defineRetentionProposals(retention: Command, open: OpenComplianceVault): void {
  retention
    .command('propose')
    .description(
      'change the transaction retention: longer at once, shorter only once another person approves',
    )
    .argument('<days>')
    .requiredOption('--by <name>', 'who proposes')
    .requiredOption('--reason <text>', 'why')
    .action((days: string, options: { by: string; reason: string }) =>
      session(open, async (vault) => {
        const change = await vault.compliance.retention.proposeTransactions(
          Number(days),
          options.by,
          options.reason,
        );
        printRetentionChange(change);
      }),
    );
  retention
    .command('propose-aml')
    .description(
      'change the years a former customer is kept (anti-money-laundering): longer at once, shorter only once ' +
        'another person approves',
    )
    .argument('<years>')
    .requiredOption('--by <name>', 'who proposes')
    .requiredOption('--reason <text>', 'why')
    .action((years: string, options: { by: string; reason: string }) =>
      session(open, async (vault) => {
        printRetentionChange(
          await vault.compliance.retention.transactions.proposeAmlYears(
            Number(years),
            options.by,
            options.reason,
          ),
        );
      }),
    );
  for (const verb of ['approve', 'reject'] as const) {
    retention
      .command(verb)
      .description(`${verb} a proposed shorter retention period (another person than its proposer)`)
      .argument('<version>')
      .requiredOption('--by <name>', 'who decides')
      .action((version: string, options: { by: string }) =>
        session(open, async (vault) => {
          printRetentionChange(
            await vault.compliance.retention.transactions[verb](Number(version), options.by),
          );
        }),
      );
  }
}

/** The sub-commands of `curtain retention`. */
export function defineRetentionCommands(retention: Command, open: OpenComplianceVault): void {
  retention
    .command('show')
    .description('the period of each kind of data')
    .action(() =>
      session(open, async (vault) => {
        for (const p of await vault.compliance.retention.policies()) {
          print(`${p.kind}\t${p.days} days\t${p.source}\t${p.description}`);
        }
        const years = await vault.compliance.retention.transactions.amlYears();
        print(
          `former_customers\t${years} years\tversioned\tCustomers who left, after the relationship ended (AML)`,
        );
      }),
    );
  retention
    .command('set')
    .description('set the period of a kind of data (omit days to return to the default)')
    .argument('<kind>')
    .argument('[days]')
    .requiredOption('--by <name>', 'who decides')
    .action((kind: string, days: string | undefined, options: { by: string }) =>
      session(open, async (vault) => {
        const parsed = days === undefined ? undefined : Number(days);
        const policy = await vault.compliance.retention.configure(kind, parsed, options.by);
        print(`${policy.kind}: ${policy.days} days (${policy.source})`);
      }),
    );
  defineRetentionProposals(retention, open);
  retention
    .command('run')
    .description('delete what is past its period now (the scheduler does this once a day)')
    .action(() =>
      session(open, async (vault) => {
        const report = await vault.compliance.retention.run();
        print(`retention run ${report.runId} as of ${report.asOf}:`);
        for (const [kind, n] of Object.entries(report.removed)) print(`  ${kind}\t${n}`);
      }),
    );
  retention
    .command('runs')
    .description('the latest runs and what each removed')
    .action(() =>
      session(open, async (vault) => {
        for (const run of await vault.compliance.retention.runs()) {
          print(`${run.id}\t${run.asOf}\t${JSON.stringify(run.removed)}`);
        }
      }),
    );
}

/** The sub-commands of `curtain compliance`. */
export function defineComplianceCommands(compliance: Command, open: OpenComplianceVault): void {
  compliance
    .command('fair-lending')
    .description('disparate impact of a credit campaign across age bands (noised; charged to --as)')
    .argument('<campaign>')
    .option(
      '--as <handle>',
      'the staff member the CLI acts as, charged for it (needs the role compliance) [CURTAIN_STAFF]',
      process.env['CURTAIN_STAFF'],
    )
    .option('--json', 'print the report as JSON')
    .action((campaign: string, options: { as?: string; json?: boolean }) =>
      session(open, async (vault) => {
        const asker = options.as;
        if (asker === undefined || asker === '') {
          throw new CurtainError(
            'USAGE',
            'name the staff member the CLI acts as: --as <handle> (or CURTAIN_STAFF)',
          );
        }
        await new HubStorage(vault.storage).transaction((tx) =>
          requireRole(tx, asker, ['compliance'], 'ask for a fair-lending report'),
        );
        const report = await vault.compliance.fairLending(campaign, asker);
        if (options.json === true) {
          print(JSON.stringify(report, null, 2));
          return;
        }
        for (const line of fairLendingLines(report)) print(line);
      }),
    );
  compliance
    .command('ropa')
    .description('records of processing activities (GDPR Art. 30)')
    .addOption(new Option('--format <format>').choices(['json', 'md', 'csv']).default('md'))
    .option('--out <file>', 'write to a file instead of the terminal')
    .action((options: { format: 'json' | 'md' | 'csv'; out?: string }) =>
      session(open, async (vault) => {
        const records = await vault.compliance.recordsOfProcessing();
        const text =
          options.format === 'json'
            ? `${JSON.stringify(records, null, 2)}\n`
            : options.format === 'csv'
              ? ropaCsv(records)
              : ropaMarkdown(records);
        if (options.out === undefined) process.stdout.write(text);
        else await writeFile(options.out, text);
      }),
    );
}
