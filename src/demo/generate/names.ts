// Obviously fake but realistic-shaped personal data: small built-in lists of names, streets and towns.
import type { CustomerPii, PostalAddress } from '../../core/identity.ts';
import type { Random } from './random.ts';

export const givenNames: readonly string[] = `
  Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob
  Theo Henry William Joshua James Daniel Samuel Max Ethan Adam
  Mohammed Ravi Tomasz Kwame Connor Rhys Callum Euan Liam Owen
  Olivia Amelia Isla Ava Mia Ivy Lily Isabella Sophia Grace
  Freya Emily Poppy Ella Evie Chloe Sienna Ruby Hannah Alice
  Aisha Priya Zofia Amara Niamh Eilidh Megan Cerys Fatima Rosie
`
  .trim()
  .split(/\s+/);

export const familyNames: readonly string[] = `
  Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson
  Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall
  Wood Harris Martin Jackson Clarke Turner Hill Scott Cooper Ward
  Morgan King Baker Harrison Patel Khan Begum Ahmed Singh Nowak
  Kowalski Okafor Mensah Campbell Stewart Murray Kelly Byrne O'Brien Murphy
  Price Bennett Griffiths Lloyd-Jones Chapman Palmer Mills Knight Fletcher Fox
`
  .trim()
  .split(/\s+/);

interface Town {
  readonly city: string;
  /** Postcode area letters. */
  readonly area: string;
  /** Highest district number in use. */
  readonly districts: number;
}

const towns: readonly Town[] = [
  { city: 'Leeds', area: 'LS', districts: 28 },
  { city: 'Manchester', area: 'M', districts: 40 },
  { city: 'Bristol', area: 'BS', districts: 16 },
  { city: 'Birmingham', area: 'B', districts: 45 },
  { city: 'Sheffield', area: 'S', districts: 36 },
  { city: 'Nottingham', area: 'NG', districts: 25 },
  { city: 'Leicester', area: 'LE', districts: 19 },
  { city: 'Cardiff', area: 'CF', districts: 24 },
  { city: 'Glasgow', area: 'G', districts: 46 },
  { city: 'Edinburgh', area: 'EH', districts: 17 },
  { city: 'Newcastle upon Tyne', area: 'NE', districts: 15 },
  { city: 'Norwich', area: 'NR', districts: 14 },
  { city: 'York', area: 'YO', districts: 32 },
  { city: 'Brighton', area: 'BN', districts: 3 },
  { city: 'Reading', area: 'RG', districts: 10 },
  { city: 'Exeter', area: 'EX', districts: 6 },
  { city: 'Oxford', area: 'OX', districts: 4 },
  { city: 'Cambridge', area: 'CB', districts: 5 },
  { city: 'Liverpool', area: 'L', districts: 38 },
  { city: 'London', area: 'SE', districts: 28 },
];

const streets: readonly string[] = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Victoria Road',
  'Park Avenue',
  'Mill Lane',
  'Queens Road',
  'Kings Road',
  'The Crescent',
  'Manor Road',
  'Grange Road',
  'Orchard Close',
  'Willow Way',
  'Meadow View',
  'Springfield Road',
  'Albert Street',
  'York Road',
  'Chestnut Drive',
  'Elm Grove',
  'Riverside Walk',
  'Castle Street',
  'Beech Avenue',
  'Windsor Terrace',
  'Hawthorn Close',
];

/** Letters used in the inward part of UK postcodes. */
const inwardLetters: readonly string[] = [...'ABDEFGHJLNPQRSTUWXYZ'];

const emailDomains: readonly string[] = ['example.com', 'example.org', 'example.net'];

/** Employers, letting agents and clients: made up, named after no one. */
export const companyNames: readonly string[] = [
  'Northwind Logistics Ltd',
  'Brightwater Analytics Ltd',
  'Harbourside Care Homes Ltd',
  'Redbridge Engineering plc',
  'Meadowbank Academy Trust',
  'Oakfield Retail Group',
  'Silverline Software Ltd',
  'Kestrel Aviation Services',
  'Riverside Health Partnership',
  'Bluebell Hospitality Ltd',
  'Ironbridge Manufacturing Ltd',
  'Copperleaf Media Ltd',
  'Fernhill Primary School',
  'Lakeside Distribution Ltd',
  'Summit Insurance Services',
  'Granite Construction Ltd',
];

export const lettingAgents: readonly string[] = [
  'Northgate Lettings Ltd',
  'Cityside Property Management',
  'Homestead Lettings',
  'Urban Nest Residential',
  'Parkview Estates Ltd',
  'Keyhouse Lettings',
];

/** A person's name for a counterparty: other people's personal data, fake all the same. */
export function personName(random: Random): string {
  return `${random.pick(givenNames)} ${random.pick(familyNames)}`;
}

function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

function postcode(random: Random, town: Town): string {
  const inward = `${random.int(1, 9)}${random.pick(inwardLetters)}${random.pick(inwardLetters)}`;
  return `${town.area}${random.int(1, town.districts)} ${inward}`;
}

/** An address in one of `cities` (default: any town). */
export function makeAddress(random: Random, cities?: readonly string[]): PostalAddress {
  const town = random.pick(cities === undefined ? towns : towns.filter((t) => cities.includes(t.city)));
  return {
    street: `${random.int(1, 180)} ${random.pick(streets)}`,
    postalCode: postcode(random, town),
    city: town.city,
    country: 'GB',
  };
}

/** Ofcom's range for drama: 07700 900000–900999 is never assigned to a real phone. */
function fictionalPhone(random: Random): string {
  return `+44 7700 900${String(random.int(0, 999)).padStart(3, '0')}`;
}

/**
 * A National Insurance number with the QQ prefix, which HMRC never issues (it is the documented
 * example prefix). Unique per customer index up to a million customers.
 */
function fakeNationalId(index: number, random: Random): string {
  const digits = String((index * 7_919 + 104_729) % 1_000_000).padStart(6, '0');
  return `QQ${digits}${random.pick(['A', 'B', 'C', 'D'])}`;
}

export interface PiiInput {
  readonly index: number;
  readonly dateOfBirth: string;
  readonly iban: string;
  readonly address: PostalAddress;
}

export function makePii(random: Random, input: PiiInput): CustomerPii {
  const givenName = random.pick(givenNames);
  const familyName = random.pick(familyNames);
  const email = `${emailPart(givenName)}.${emailPart(familyName)}${input.index + 1}@${random.pick(emailDomains)}`;
  return {
    givenName,
    familyName,
    email,
    phone: fictionalPhone(random),
    address: input.address,
    dateOfBirth: input.dateOfBirth,
    nationalId: fakeNationalId(input.index, random),
    iban: input.iban,
  };
}
