// Template generator of the PII detector's labelled corpus: seeded sentences with character spans, built from its own
// value generators and faker's name and place lists, never from the detector (a test checks it imports none of it).
import { Faker, base, de, en, en_GB, en_US, fr, nl } from '@faker-js/faker';
import { merchants } from '../../src/demo/generate/merchants.ts';

export const corpusEntities = [
  'person',
  'email',
  'phone',
  'iban',
  'card',
  'national_id',
  'address',
  'date_of_birth',
] as const;
export type CorpusEntity = (typeof corpusEntities)[number];

export interface CorpusSpan {
  readonly start: number;
  readonly end: number;
  readonly type: CorpusEntity;
}

export interface CorpusRecord {
  readonly id: number;
  /** Which template made it: `<entity or "negative">/<name>`. */
  readonly template: string;
  readonly text: string;
  readonly spans: readonly CorpusSpan[];
}

/** A sentence under construction: plain strings and labelled values. */
type Part = string | { readonly type: CorpusEntity; readonly value: string };

type Market = 'gb' | 'us' | 'de' | 'fr' | 'nl';

class Values {
  readonly #fakers: Readonly<Record<Market, Faker>>;
  readonly f: Faker;

  constructor(seed: number) {
    const make = (locale: typeof en_GB, offset: number): Faker => {
      const faker = new Faker({ locale: [locale, en, base] });
      faker.seed(seed + offset);
      return faker;
    };
    this.#fakers = {
      gb: make(en_GB, 1),
      us: make(en_US, 2),
      de: make(de, 3),
      fr: make(fr, 4),
      nl: make(nl, 5),
    };
    this.f = make(en, 0);
  }

  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }

  pick<T>(items: readonly T[]): T {
    return this.f.helpers.arrayElement(items);
  }

  chance(p: number): boolean {
    return this.f.number.float({ min: 0, max: 1 }) < p;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  market(): Market {
    return this.pick(['gb', 'gb', 'us', 'de', 'fr', 'nl'] as const);
  }

  faker(market: Market): Faker {
    return this.#fakers[market];
  }

  // People -------------------------------------------------------------------------------------

  name(market: Market = this.market()): { first: string; last: string; full: string } {
    const faker = this.faker(market);
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return { first, last, full: `${first} ${last}` };
  }

  personName(): string {
    const { first, last, full } = this.name();
    const style = this.int(0, 9);
    if (style === 0) return full.toUpperCase();
    if (style === 1) return `${first.charAt(0)}. ${last}`;
    if (style === 2) return `${first} ${this.name().first} ${last}`;
    return full;
  }

  email(): string {
    const { first, last } = this.name();
    const clean = (s: string): string =>
      s
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
    const local = this.pick([
      `${clean(first)}.${clean(last)}`,
      `${clean(first).charAt(0)}${clean(last)}`,
      `${clean(first)}${this.int(1, 99)}`,
      `${clean(last)}_${clean(first)}`,
    ]);
    const domain = this.pick([
      'gmail.com',
      'outlook.com',
      'yahoo.co.uk',
      'web.de',
      'gmx.de',
      'orange.fr',
      'ziggo.nl',
    ]);
    return `${local}@${domain}`;
  }

  // Numbers with checksums ------------------------------------------------------------------------

  iban(): string {
    const country = this.pick(['DE', 'GB', 'GB', 'NL', 'FR', 'ES', 'IT', 'BE'] as const);
    const letters = (n: number): string =>
      Array.from({ length: n }, () => String.fromCharCode(65 + this.int(0, 25))).join('');
    const bban = {
      DE: () => this.digits(18),
      GB: () => this.pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + this.digits(14),
      NL: () => this.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + this.digits(10),
      FR: () => this.digits(10) + letters(0) + this.digits(11) + this.digits(2),
      ES: () => this.digits(20),
      IT: () => letters(1) + this.digits(10) + this.digits(12),
      BE: () => this.digits(12),
    }[country]();
    const check = String(98 - mod97(bban + country + '00')).padStart(2, '0');
    const compact = country + check + bban;
    return this.chance(0.5) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
  }

  card(): string {
    const kind = this.pick(['visa', 'visa', 'mastercard', 'mastercard', 'amex', 'discover'] as const);
    const prefix = {
      visa: '4',
      mastercard: String(this.int(51, 55)),
      amex: this.pick(['34', '37']),
      discover: '6011',
    }[kind];
    const length = kind === 'amex' ? 15 : 16;
    const number = withLuhn(prefix + this.digits(length - prefix.length - 1));
    return this.groupCard(number);
  }

  groupCard(number: string): string {
    const separator = this.pick(['', ' ', ' ', '-']);
    if (separator === '') return number;
    if (number.length === 15)
      return `${number.slice(0, 4)}${separator}${number.slice(4, 10)}${separator}${number.slice(10)}`;
    return number.replace(/(.{4})(?=.)/g, `$1${separator}`);
  }

  phone(market: Market = this.market()): string {
    const d = (n: number): string => this.digits(n);
    const nz = (): string => String(this.int(2, 9));
    const international = this.chance(0.4);
    switch (market) {
      case 'gb': {
        const mobile = `7${this.int(4, 9)}${d(2)}`;
        if (this.chance(0.3)) return international ? `+44 20 7${d(3)} ${d(4)}` : `020 7${d(3)} ${d(4)}`;
        return international ? `+44 ${mobile} ${d(6)}` : `0${mobile} ${d(6)}`;
      }
      case 'us': {
        const area = this.pick(['202', '212', '312', '415', '617', '718', '305', '512']);
        const local = `${nz()}${d(2)}-${d(4)}`;
        return international ? `+1 ${area}-${local}` : this.pick([`(${area}) ${local}`, `${area}-${local}`]);
      }
      case 'de': {
        if (this.chance(0.5)) {
          const mobile = this.pick(['151', '160', '170', '171', '176']) + ' ' + d(7);
          return international ? `+49 ${mobile}` : `0${mobile}`;
        }
        const city = this.pick(['30', '40', '89', '221', '69']);
        return international ? `+49 ${city} ${nz()}${d(6)}` : `0${city} ${nz()}${d(6)}`;
      }
      case 'fr': {
        const rest = `${d(2)} ${d(2)} ${d(2)} ${d(2)}`;
        const lead = this.pick(['6', '7', '1']);
        return international ? `+33 ${lead} ${rest}` : `0${lead} ${rest}`;
      }
      case 'nl': {
        return international
          ? `+31 6 ${d(8)}`
          : this.pick([`06-${d(8)}`, `06 ${d(8)}`, `020 ${nz()}${d(6)}`]);
      }
    }
  }

  nino(): string {
    const first = 'ABCEGHJKLMNOPRSTWXYZ';
    const second = 'ABCEGHJKLMNPRSTWXYZ';
    let prefix: string;
    do prefix = this.pick([...first]) + this.pick([...second]);
    while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(prefix));
    const body = this.digits(6);
    const suffix = this.pick(['A', 'B', 'C', 'D']);
    return this.chance(0.5)
      ? `${prefix} ${body.slice(0, 2)} ${body.slice(2, 4)} ${body.slice(4)} ${suffix}`
      : `${prefix}${body}${suffix}`;
  }

  ssn(): string {
    let area: number;
    do area = this.int(1, 899);
    while (area === 666);
    return `${String(area).padStart(3, '0')}-${String(this.int(1, 99)).padStart(2, '0')}-${String(this.int(1, 9999)).padStart(4, '0')}`;
  }

  /** DE Steuer-ID: 11 digits, no leading zero, one digit twice among the first ten, ISO 7064 MOD 11,10. */
  steuerId(): string {
    const pool = this.f.helpers.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const digits = pool.slice(0, 9);
    digits.push(digits[this.int(0, 8)]!);
    const ten = this.f.helpers.shuffle(digits);
    if (ten[0] === 0) [ten[0], ten[1]] = [ten[1]!, ten[0]];
    let product = 10;
    for (const digit of ten) {
      let sum = (digit + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    const check = (11 - product) % 10;
    const id = ten.join('') + String(check);
    return this.chance(0.3) ? `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}` : id;
  }

  bsn(): string {
    for (;;) {
      const body = this.digits(8);
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += (9 - i) * Number(body[i]);
      const last = sum % 11;
      if (last <= 9) return body + String(last);
    }
  }

  nir(): string {
    const body =
      this.pick(['1', '2']) +
      this.digits(2) +
      String(this.int(1, 12)).padStart(2, '0') +
      String(this.int(1, 95)).padStart(2, '0') +
      this.digits(3) +
      this.digits(3);
    const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
    return this.chance(0.5)
      ? `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10)} ${key}`
      : body + key;
  }

  nationalId(): { market: Market; value: string } {
    const market = this.pick(['gb', 'us', 'de', 'nl', 'fr'] as const);
    const value = { gb: this.nino(), us: this.ssn(), de: this.steuerId(), nl: this.bsn(), fr: this.nir() }[
      market
    ];
    return { market, value };
  }

  // Places and dates ------------------------------------------------------------------------------

  ukPostcode(): string {
    const area = this.pick(['LS', 'M', 'BS', 'B', 'SW', 'E', 'N', 'EH', 'G', 'CF', 'NG', 'OX', 'YO']);
    return `${area}${this.int(1, 20)} ${this.int(0, 9)}${this.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}${this.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}`;
  }

  address(): string {
    const market = this.pick(['gb', 'gb', 'us', 'de', 'fr', 'nl'] as const);
    const faker = this.faker(market);
    const n = String(this.int(1, 220));
    switch (market) {
      case 'gb': {
        const street = `${faker.person.lastName()} ${this.pick(['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Gardens', 'Way'])}`;
        return this.pick([
          `${n} ${street}, ${faker.location.city()} ${this.ukPostcode()}`,
          `Flat ${this.int(1, 30)}, ${n} ${street}, ${faker.location.city()}`,
          `${n} ${street}, ${this.ukPostcode()}`,
        ]);
      }
      case 'us': {
        const street = `${faker.person.lastName()} ${this.pick(['St', 'Street', 'Ave', 'Avenue', 'Blvd', 'Road', 'Dr'])}`;
        return `${n} ${street}, ${faker.location.city()}, ${this.pick(['NY', 'CA', 'IL', 'TX', 'MA'])} ${this.digits(5)}`;
      }
      case 'de':
        return this.pick([
          `${faker.location.street()} ${n}, ${this.int(1, 9)}${this.digits(4)} ${faker.location.city()}`,
          `${faker.location.street()} ${n}`,
        ]);
      case 'fr':
        return `${n} ${this.pick(['rue', 'avenue', 'boulevard', 'place'])} ${this.pick(['de la Paix', 'Victor Hugo', 'du Moulin', 'des Lilas', 'Jean Jaurès'])}, ${this.int(1, 9)}${this.digits(4)} ${faker.location.city()}`;
      case 'nl':
        return `${faker.location.street()} ${n}, ${this.int(1, 9)}${this.digits(3)} ${this.pick([...'ABCDEFGHJKLMNPRSTVWXZ'])}${this.pick([...'ABCDEFGHJKLMNPRSTVWXZ'])} ${faker.location.city()}`;
    }
  }

  date(minYear: number, maxYear: number): string {
    const y = this.int(minYear, maxYear);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    const month = monthNames[m - 1]!;
    return this.pick([
      `${dd}/${mm}/${y}`,
      `${y}-${mm}-${dd}`,
      `${dd}.${mm}.${y}`,
      `${d} ${month} ${y}`,
      `${month} ${d}, ${y}`,
      `${mm}/${dd}/${y}`,
    ]);
  }

  merchant(): string {
    return this.pick([...personLikeMerchants, ...personLikeMerchants, ...merchants.map((m) => m.name)]);
  }

  amount(): string {
    const value = this.int(1, 500_000) / 100;
    return this.pick([
      `£${value.toFixed(2)}`,
      `${value.toFixed(2)} EUR`,
      `$${value.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      `${value.toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`,
    ]);
  }
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Shops and brands named after people (or that read like a name): they are not personal data. */
const personLikeMerchants = [
  'John Lewis',
  'Marks & Spencer',
  'Ted Baker',
  'Hugo Boss',
  'Ralph Lauren',
  'Calvin Klein',
  'Tommy Hilfiger',
  'Paul Smith',
  'Harvey Nichols',
  'Jack Wills',
  'Laura Ashley',
  'Jo Malone',
  'Charles Tyrwhitt',
  'Holland & Barrett',
  'Ben Sherman',
  'Victoria Beckham',
  'Karen Millen',
  "Sainsbury's",
  'Morrisons',
  'Dr. Martens',
  'Tim Hortons',
  'Lloyds Pharmacy',
  'Fred Perry',
  'Louis Vuitton',
  'Christian Dior',
  'Wendy Wu Tours',
];

function mod97(text: string): number {
  let remainder = 0;
  for (const c of text) remainder = (remainder * (c <= '9' ? 10 : 100) + parseInt(c, 36)) % 97;
  return remainder;
}

function luhnSum(digits: string): number {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let check = 0; check <= 9; check++)
    if (luhnSum(body + String(check)) % 10 === 0) return body + String(check);
  throw new Error('unreachable');
}

// Templates ---------------------------------------------------------------------------------------

type Template = (v: Values) => Part[];

const p = (type: CorpusEntity, value: string): Part => ({ type, value });

const positives: Readonly<Record<CorpusEntity, Readonly<Record<string, Template>>>> = {
  person: {
    transfer: (v) => [
      v.pick(['Transfer to ', 'Payment from ', 'FPS ', 'Standing order ']),
      p('person', v.personName()),
    ],
    dear: (v) => [v.pick(['Dear ', 'Hi ', 'Hello ']), p('person', v.name().full), ', thanks for your call.'],
    titled: (v) => [
      v.pick(['Spoke to ', 'Call back ', 'Meeting with ']),
      v.pick(['Mr ', 'Mrs ', 'Ms ', 'Dr ', 'Herr ', 'Frau ', 'M. ', 'Mme ']),
      p('person', v.name().last),
      v.pick([' about the loan', ' re mortgage', ' tomorrow', '']),
    ],
    note: (v) => [
      'Customer ',
      p('person', v.name().full),
      v.pick([' asked about savings', ' moved house', ' wants a card upgrade']),
      '.',
    ],
    rent: (v) => [v.pick(['Rent for flat, landlord ', 'Miete an ', 'Loyer ']), p('person', v.personName())],
    gift: (v) => [v.pick(['Birthday gift for ', 'Pocket money ', 'Thanks ']), p('person', v.name().first)],
    named: (v) => [v.pick(['Name: ', 'Account holder: ', 'Beneficiary ']), p('person', v.name().full)],
    splitBill: (v) => ['Dinner split with ', p('person', v.name().full), ' and ', p('person', v.name().full)],
  },
  email: {
    contact: (v) => [v.pick(['Contact ', 'Email: ', 'mail to ', 'reply to ']), p('email', v.email())],
    bare: (v) => ['Invoice sent to ', p('email', v.email()), ' yesterday'],
    offer: (v) => ['Questions? Write to ', p('email', v.email()), '.'],
  },
  phone: {
    tel: (v) => [v.pick(['Tel ', 'Tel: ', 'phone ', 'Mobile: ', 'call ', 'Handy ']), p('phone', v.phone())],
    bare: (v) => ['Customer rang from ', p('phone', v.phone()), ' about a refund'],
    noContext: (v) => [p('phone', v.phone()), v.pick([' after 5pm', '', ' (evenings)'])],
  },
  iban: {
    iban: (v) => [v.pick(['IBAN ', 'IBAN: ', 'to account ', 'Überweisung ']), p('iban', v.iban())],
    bare: (v) => ['Refund to ', p('iban', v.iban()), ' please'],
    noContext: (v) => [p('iban', v.iban())],
  },
  card: {
    card: (v) => [v.pick(['Card ', 'card number ', 'Visa ', 'paid with card ', 'CC: ']), p('card', v.card())],
    expiry: (v) => [p('card', v.card()), ` exp ${String(v.int(1, 12)).padStart(2, '0')}/${v.int(26, 31)}`],
    noContext: (v) => ['Please charge ', p('card', v.card())],
  },
  national_id: {
    context: (v) => {
      const id = v.nationalId();
      const label = {
        gb: ['NI number ', 'National Insurance no. ', 'NINO: '],
        us: ['SSN ', 'Social Security number ', 'SSN: '],
        de: ['Steuer-ID ', 'Steueridentifikationsnummer ', 'IdNr. '],
        nl: ['BSN ', 'burgerservicenummer ', 'BSN: '],
        fr: ['NIR ', 'numéro de sécurité sociale ', 'n° sécu '],
      }[id.market];
      return [v.pick(label), p('national_id', id.value)];
    },
    noContext: (v) => ['Customer id document ', p('national_id', v.nationalId().value), ' checked'],
  },
  address: {
    lives: (v) => [
      v.pick(['Lives at ', 'New address: ', 'Moved to ', 'Deliver to ']),
      p('address', v.address()),
    ],
    bare: (v) => [p('address', v.address()), v.pick(['', ' (home)'])],
  },
  date_of_birth: {
    dob: (v) => [
      v.pick(['DOB ', 'DOB: ', 'Date of birth: ', 'born ', 'born on ', 'geboren am ', 'né le ']),
      p('date_of_birth', v.date(1935, 2007)),
    ],
    sentence: (v) => ['Customer was born on ', p('date_of_birth', v.date(1935, 2007)), ', verified.'],
    birthday: (v) => [p('person', v.name().full), ' birthday ', p('date_of_birth', v.date(1935, 2007))],
  },
};

/** Sentences with no PII that look like they might: the hard negatives. */
const negatives: Readonly<Record<string, Template>> = {
  merchant: (v) => [
    v.pick(['Card payment to ', 'POS ', 'Contactless ', 'Online order ']),
    v.merchant(),
    v.pick(['', ' London', ' 1234']),
  ],
  merchantOffer: (v) => [`10% off at ${v.merchant()} this weekend`],
  luhnOrder: (v) => [
    v.pick(['Order ', 'Order no. ', 'Ref ', 'Bestellnr. ', 'Invoice ']),
    withLuhn(String(v.int(1, 9)) + v.digits(v.int(11, 15))),
  ],
  luhnGrouped: (v) => [
    v.pick(['Order ', 'Tracking ', 'Ref ']),
    v.groupCard(withLuhn(String(v.int(1, 9)) + v.digits(15))),
  ],
  productCode: (v) => [
    v.pick(['SKU ', 'EAN ', 'Item ', 'Art.-Nr. ']),
    v.digits(v.int(8, 13)),
    ' qty ',
    String(v.int(1, 5)),
  ],
  referenceDigits: (v) => [v.pick(['Ref ', 'Mandate ', 'Customer no. ', 'Vertragsnr. ']), v.digits(9)],
  date: (v) => [
    v.pick(['Statement period ', 'Booked ', 'Invoice date ', 'Delivered ', 'Due ']),
    v.date(2015, 2026),
  ],
  oldDate: (v) => [v.pick(['Policy started ', 'Account opened ', 'Since ']), v.date(1980, 2005)],
  amount: (v) => [v.pick(['Amount ', 'Paid ', 'Refund of ', 'Balance ']), v.amount()],
  product: (v) => [
    v.pick([
      'Grace period extended',
      'Max Saver account',
      'Premier Reward card',
      'Easy Access ISA',
      'Home Insurance Plus',
      'Green Mortgage 5y fixed',
    ]),
  ],
  segment: (v) => [
    v.pick([
      'Young families in London',
      'Frequent travellers',
      'Homeowners without insurance',
      'Students in Leeds',
      'High earners, no pension',
    ]),
  ],
  sortCode: (v) => [`Sort code ${v.digits(2)}-${v.digits(2)}-${v.digits(2)} acct ending ${v.digits(4)}`],
  place: (v) => [v.pick(['Branch in ', 'Event in ', 'Store: ']), v.faker('gb').location.city()],
  time: (v) => [`Call window ${v.int(8, 11)}:00-${v.int(12, 17)}:30, ${v.int(1, 28)} ${v.pick(monthNames)}`],
  version: (v) => [`App version ${v.int(1, 9)}.${v.int(0, 20)}.${v.int(0, 99)} build ${v.digits(7)}`],
  percent: (v) => [`Rate ${v.int(1, 9)}.${v.digits(2)}% APR, term ${v.int(12, 360)} months`],
  street: (v) => [
    v.pick(['Opening on High Street', 'Parking on Station Road is free', 'Visit our Oxford Street store']),
  ],
};

/** Generates `size` labelled sentences, the same for the same seed. About a third are hard negatives. */
export function generateCorpus(seed: number, size: number): CorpusRecord[] {
  const v = new Values(seed);
  const records: CorpusRecord[] = [];
  const entityTemplates = corpusEntities.flatMap((entity) =>
    Object.entries(positives[entity]).map(([name, template]) => ({ name: `${entity}/${name}`, template })),
  );
  const negativeTemplates = Object.entries(negatives).map(([name, template]) => ({
    name: `negative/${name}`,
    template,
  }));
  for (let id = 0; id < size; id++) {
    const roll = v.int(0, 99);
    let chosen: { name: string; template: Template };
    let parts: Part[];
    if (roll < 35) {
      chosen = v.pick(negativeTemplates);
      parts = chosen.template(v);
    } else if (roll < 45) {
      // Two entities in one sentence, or an entity next to a hard negative.
      const a = v.pick(entityTemplates);
      const b = v.chance(0.5) ? v.pick(entityTemplates) : v.pick(negativeTemplates);
      chosen = { name: `mixed/${a.name}+${b.name}`, template: a.template };
      parts = [...a.template(v), v.pick(['; ', '. ', ', ', ' - ']), ...b.template(v)];
    } else {
      chosen = v.pick(entityTemplates);
      parts = chosen.template(v);
    }
    records.push({ id, template: chosen.name, ...assemble(parts) });
  }
  return records;
}

function assemble(parts: readonly Part[]): { text: string; spans: CorpusSpan[] } {
  let text = '';
  const spans: CorpusSpan[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    spans.push({ start: text.length, end: text.length + part.value.length, type: part.type });
    text += part.value;
  }
  return { text, spans };
}
