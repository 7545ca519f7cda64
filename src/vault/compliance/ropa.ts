// Records of processing activities (GDPR Art. 30), generated from the configured purposes and actual activity.
import { lawfulBases, purposeDefinitions, type ConsentPurpose } from '../../core/consent.ts';
import { questionPurposes } from '../../core/question-purposes.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { RetentionPolicy } from './retention.ts';

export interface ProcessingActivity {
  readonly code: string;
  readonly name: string;
  readonly purpose: string;
  readonly lawfulBasis: string;
  readonly consentPurpose: ConsentPurpose;
  readonly dataSubjects: string;
  readonly dataCategories: readonly string[];
  readonly recipients: readonly string[];
  readonly thirdPartyDisclosure: boolean;
  readonly fairLendingRules: boolean;
  readonly retention: readonly string[];
  readonly activity: {
    readonly questions: number;
    readonly questionsAnswered: number;
    readonly campaigns: number;
  };
}

export interface RecordsOfProcessing {
  readonly format: 'curtain-ropa/1';
  readonly generatedAt: string;
  readonly controller: string;
  readonly activities: readonly ProcessingActivity[];
  /** Purposes customers consent to that no question serves (profiling, identity reveal). */
  readonly otherPurposes: readonly {
    readonly code: ConsentPurpose;
    readonly name: string;
    readonly lawfulBasis: string;
    readonly dataCategories: readonly string[];
  }[];
  readonly recipients: readonly { readonly name: string; readonly receives: string }[];
  readonly retention: readonly RetentionPolicy[];
  readonly transfersOutsideEea: string;
  readonly securityMeasures: readonly string[];
  readonly subjectRequests: { readonly [kind: string]: number };
}

const recipients = [
  {
    name: 'Hub (bank marketing and CX teams)',
    receives: 'Noisy, thresholded audience counts and per-campaign tokens; no PII',
  },
  {
    name: 'Advisors of the bank',
    receives: 'Name and contact details, only for a lead the customer consented to reveal',
  },
  {
    name: 'Partners (insurers, retailers)',
    receives: 'Aggregates only; a customer’s identity only on a consented lead',
  },
  {
    name: 'Delivery channels (email, push, webhook)',
    receives: 'A neutral notice and the customer’s address for it',
  },
];

const securityMeasures = [
  'PII encrypted per customer (AES-256-GCM) under a wrapped data key; erasure destroys the key',
  'Keyed blind indexes and tokens instead of account numbers and counterparty names',
  'Differential privacy, noised thresholds and budgets on every count released',
  'Per-campaign unlinkable tokens; k-anonymous attributes',
  'Tamper-evident transparency log with signed heads and inclusion proofs',
];

const retentionFor: Record<string, readonly string[]> = {
  default: ['transactions', 'memo_text', 'inbox', 'notices', 'leads', 'delivery_audiences'],
};

export async function recordsOfProcessing(
  db: SqlExecutor,
  retention: readonly RetentionPolicy[],
  context: { readonly controller: string; readonly now: Date },
): Promise<RecordsOfProcessing> {
  const count = async (sql: string) => {
    const { rows } = await db.query<{ key: string; n: number; m: number }>(sql);
    return new Map(rows.map((r) => [r.key, { n: Number(r.n), m: Number(r.m ?? 0) }]));
  };
  // Staff activity only: how many messages, leads, reveals or consenting customers a purpose has are counts
  // of customers, which never leave the vault's private tables (issue 14, class 3).
  const [questions, campaigns, requests] = await Promise.all([
    count(`SELECT purpose AS key, count(*)::int AS n, (count(*) FILTER (WHERE outcome = 'answered'))::int AS m
             FROM questions GROUP BY purpose`),
    count(`SELECT purpose AS key, count(*)::int AS n, 0 AS m FROM delivery_runs GROUP BY purpose`),
    count(`SELECT kind AS key, count(*)::int AS n, 0 AS m FROM subject_requests GROUP BY kind`),
  ]);
  const describe = (kind: string) => {
    const policy = retention.find((p) => p.kind === kind);
    return policy === undefined ? kind : `${policy.description}: ${policy.days} days`;
  };
  const activities = questionPurposes.map((purpose): ProcessingActivity => {
    const consent = purposeDefinitions[purpose.consent];
    const shared = consent.thirdPartyDisclosure;
    return {
      code: purpose.code,
      name: purpose.title,
      purpose: `${consent.category}: ${purpose.title}`,
      lawfulBasis: `${consent.lawfulBasis} (${lawfulBases[consent.lawfulBasis]})`,
      consentPurpose: purpose.consent,
      dataSubjects: 'Customers of the bank who gave this consent',
      dataCategories: consent.dataCategories,
      recipients: [
        recipients[0]!.name,
        recipients[1]!.name,
        ...(shared ? [recipients[2]!.name] : []),
        recipients[3]!.name,
      ],
      thirdPartyDisclosure: shared,
      fairLendingRules: purpose.credit,
      retention: (retentionFor['default'] ?? []).map(describe),
      activity: {
        questions: questions.get(purpose.code)?.n ?? 0,
        questionsAnswered: questions.get(purpose.code)?.m ?? 0,
        campaigns: campaigns.get(purpose.code)?.n ?? 0,
      },
    };
  });
  const served = new Set<string>(questionPurposes.map((p) => p.consent));
  const otherPurposes = Object.values(purposeDefinitions)
    .filter((d) => !served.has(d.code))
    .map((d) => ({
      code: d.code,
      name: d.title,
      lawfulBasis: `${d.lawfulBasis} (${lawfulBases[d.lawfulBasis]})`,
      dataCategories: d.dataCategories,
    }));
  return {
    format: 'curtain-ropa/1',
    generatedAt: context.now.toISOString(),
    controller: context.controller,
    activities,
    otherPurposes,
    recipients,
    retention,
    transfersOutsideEea: 'None: the vault runs inside the bank; the hub receives no personal data',
    securityMeasures,
    subjectRequests: Object.fromEntries([...requests].map(([kind, v]) => [kind, v.n])),
  };
}

const csvCell = (value: unknown) => {
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per processing activity, the columns of an Art. 30 register. */
export function ropaCsv(records: RecordsOfProcessing): string {
  const header = [
    'activity',
    'purpose',
    'lawful basis',
    'data subjects',
    'data categories',
    'recipients',
    'third-party disclosure',
    'fair lending rules',
    'retention',
    'questions',
    'answered',
    'campaigns',
  ];
  const rows = records.activities.map((a) => [
    a.code,
    a.purpose,
    a.lawfulBasis,
    a.dataSubjects,
    a.dataCategories,
    a.recipients,
    a.thirdPartyDisclosure,
    a.fairLendingRules,
    a.retention,
    a.activity.questions,
    a.activity.questionsAnswered,
    a.activity.campaigns,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function ropaMarkdown(records: RecordsOfProcessing): string {
  const lines = [
    `# Records of processing activities — ${records.controller}`,
    '',
    `Generated ${records.generatedAt} (GDPR Art. 30).`,
    '',
  ];
  for (const a of records.activities) {
    lines.push(
      `## ${a.name} (\`${a.code}\`)`,
      '',
      `- Purpose: ${a.purpose}`,
      `- Lawful basis: ${a.lawfulBasis}; consent purpose \`${a.consentPurpose}\``,
      `- Data subjects: ${a.dataSubjects}`,
      `- Data categories: ${a.dataCategories.join(', ')}`,
      `- Recipients: ${a.recipients.join('; ')}`,
      `- Fair-lending rules apply: ${a.fairLendingRules ? 'yes' : 'no'}`,
      `- Retention: ${a.retention.join('; ')}`,
      `- Activity: ${a.activity.questions} questions (${a.activity.questionsAnswered} answered), ` +
        `${a.activity.campaigns} campaigns`,
      '',
    );
  }
  lines.push('## Other purposes', '');
  for (const p of records.otherPurposes) {
    lines.push(`- ${p.name} (\`${p.code}\`): ${p.lawfulBasis}; ${p.dataCategories.join(', ')}`);
  }
  lines.push('', '## Recipients', '');
  for (const r of records.recipients) lines.push(`- ${r.name}: ${r.receives}`);
  lines.push('', '## Retention', '', '| kind | period (days) | what | set by |', '| --- | --- | --- | --- |');
  for (const p of records.retention) lines.push(`| ${p.kind} | ${p.days} | ${p.description} | ${p.source} |`);
  lines.push('', `Transfers outside the EEA: ${records.transfersOutsideEea}`, '', '## Security measures', '');
  for (const m of records.securityMeasures) lines.push(`- ${m}`);
  lines.push('', '## Data subject requests', '');
  for (const [kind, n] of Object.entries(records.subjectRequests)) lines.push(`- ${kind}: ${n}`);
  return lines.join('\n') + '\n';
}
