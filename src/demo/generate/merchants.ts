// Built-in merchants with real MCCs, and how customers spend in each category (amounts, seasons, weekdays).

/** Categories a customer spends in at their own discretion (the rest are bills and life events). */
export type SpendCategory =
  | 'groceries'
  | 'dining'
  | 'fast_food'
  | 'pubs'
  | 'fuel'
  | 'transport'
  | 'clothing'
  | 'department'
  | 'online'
  | 'electronics'
  | 'home_improvement'
  | 'furniture'
  | 'air_travel'
  | 'hotels'
  | 'entertainment'
  | 'pharmacy'
  | 'health'
  | 'personal_care'
  | 'pets'
  | 'digital'
  | 'parking'
  | 'cash';

export type MerchantCategory =
  | SpendCategory
  | 'energy'
  | 'water'
  | 'telecom'
  | 'broadband'
  | 'insurance'
  | 'streaming'
  | 'gym'
  | 'charity'
  | 'childcare'
  | 'baby'
  | 'car_dealer'
  | 'home_inspection'
  | 'removals'
  | 'conveyancing';

export interface Merchant {
  /** Never PII: no person is named in a merchant name. */
  readonly name: string;
  /** ISO 18245, four digits. */
  readonly mcc: string;
  readonly category: MerchantCategory;
  /** Fixed monthly price in pence, for subscriptions. */
  readonly price?: number;
}

type Row = readonly [name: string, mcc: string, price?: number];

const byCategory: Readonly<Record<MerchantCategory, readonly Row[]>> = {
  groceries: [
    ['Tesco', '5411'],
    ["Sainsbury's", '5411'],
    ['Asda', '5411'],
    ['Morrisons', '5411'],
    ['Aldi', '5411'],
    ['Lidl', '5411'],
    ['Waitrose', '5411'],
    ['Co-op Food', '5411'],
    ['Iceland', '5411'],
    ['Ocado', '5411'],
    ['M&S Simply Food', '5411'],
  ],
  dining: [
    ['Pizza Express', '5812'],
    ["Nando's", '5812'],
    ['Wagamama', '5812'],
    ['Zizzi', '5812'],
    ['Prezzo', '5812'],
    ['Bella Italia', '5812'],
    ['Dishoom', '5812'],
    ['Cote Brasserie', '5812'],
    ['Harvester', '5812'],
  ],
  fast_food: [
    ["McDonald's", '5814'],
    ['Greggs', '5814'],
    ['Pret A Manger', '5814'],
    ['KFC', '5814'],
    ['Subway', '5814'],
    ['Costa Coffee', '5814'],
    ['Starbucks', '5814'],
    ['Caffe Nero', '5814'],
  ],
  pubs: [
    ['JD Wetherspoon', '5813'],
    ['All Bar One', '5813'],
    ['BrewDog', '5813'],
    ['Slug and Lettuce', '5813'],
  ],
  fuel: [
    ['Shell', '5541'],
    ['BP', '5541'],
    ['Esso', '5541'],
    ['Texaco', '5541'],
    ['Tesco Petrol', '5542'],
    ['Asda Petrol', '5542'],
  ],
  transport: [
    ['TfL Travel Charge', '4111'],
    ['Trainline', '4112'],
    ['LNER', '4112'],
    ['GWR', '4112'],
    ['Uber', '4121'],
    ['Bolt', '4121'],
    ['National Express', '4131'],
    ['Stagecoach', '4131'],
  ],
  clothing: [
    ['Primark', '5651'],
    ['Next', '5651'],
    ['H&M', '5651'],
    ['Zara', '5691'],
    ['Uniqlo', '5691'],
    ['New Look', '5691'],
    ['TK Maxx', '5651'],
  ],
  department: [
    ['Marks & Spencer', '5311'],
    ['Selfridges', '5311'],
    ['Debenhams', '5311'],
    ['Argos', '5310'],
    ['B&M Bargains', '5331'],
  ],
  online: [
    ['Amazon.co.uk', '5999'],
    ['Amazon Marketplace', '5999'],
    ['eBay', '5999'],
    ['Etsy', '5999'],
    ['ASOS', '5691'],
  ],
  electronics: [
    ['Currys', '5732'],
    ['Apple Store', '5732'],
    ['CeX', '5732'],
  ],
  home_improvement: [
    ['B&Q', '5200'],
    ['Wickes', '5211'],
    ['Screwfix', '5200'],
    ['Homebase', '5200'],
    ['Toolstation', '5211'],
  ],
  furniture: [
    ['IKEA', '5712'],
    ['DFS', '5712'],
    ['Dunelm', '5712'],
    ['Furniture Village', '5712'],
    ['Oak Furniture Land', '5712'],
    ['Wayfair', '5712'],
  ],
  air_travel: [
    ['British Airways', '3005'],
    ['easyJet', '4511'],
    ['Ryanair', '4511'],
    ['Jet2', '4511'],
  ],
  hotels: [
    ['Premier Inn', '7011'],
    ['Travelodge', '7011'],
    ['Hilton Hotels', '7011'],
    ['Holiday Inn', '3501'],
    ['Airbnb', '7011'],
    ['Booking.com', '4722'],
  ],
  entertainment: [
    ['Odeon Cinemas', '7832'],
    ['Vue Cinemas', '7832'],
    ['Cineworld', '7832'],
    ['Ticketmaster', '7922'],
    ['See Tickets', '7922'],
  ],
  pharmacy: [
    ['Boots', '5912'],
    ['Superdrug', '5912'],
    ['Lloyds Pharmacy', '5912'],
    ['Well Pharmacy', '5912'],
  ],
  health: [
    ['Bupa Health Clinic', '8011'],
    ['Spire Healthcare', '8011'],
    ['mydentist', '8021'],
    ['Bupa Dental Care', '8021'],
    ['Specsavers', '8043'],
  ],
  personal_care: [
    ['Headmasters', '7230'],
    ['Rush Hair', '7230'],
    ['The Body Shop', '5977'],
    ['Lush', '5977'],
  ],
  pets: [
    ['Pets at Home', '5995'],
    ['Jollyes', '5995'],
    ['Vets4Pets', '0742'],
    ['Medivet', '0742'],
  ],
  digital: [
    ['Google Play', '5818'],
    ['Apple.com/bill', '5818'],
    ['Steam Games', '5816'],
    ['Audible', '5815'],
  ],
  parking: [
    ['NCP', '7523'],
    ['RingGo', '7523'],
    ['JustPark', '7523'],
  ],
  cash: [
    ['LINK ATM', '6011'],
    ['Notemachine', '6011'],
    ['Cardtronics ATM', '6011'],
    ['Curtain Bank ATM', '6011'],
  ],
  energy: [
    ['British Gas', '4900'],
    ['EDF Energy', '4900'],
    ['Octopus Energy', '4900'],
    ['E.ON Next', '4900'],
    ['OVO Energy', '4900'],
    ['ScottishPower', '4900'],
  ],
  water: [
    ['Thames Water', '4900'],
    ['Severn Trent', '4900'],
    ['Yorkshire Water', '4900'],
    ['United Utilities', '4900'],
    ['Anglian Water', '4900'],
  ],
  telecom: [
    ['EE', '4814'],
    ['Vodafone', '4814'],
    ['O2', '4814'],
    ['Three', '4814'],
    ['giffgaff', '4814'],
  ],
  broadband: [
    ['BT', '4814'],
    ['Virgin Media', '4899'],
    ['Sky', '4899'],
    ['TalkTalk', '4814'],
    ['Plusnet', '4814'],
  ],
  insurance: [
    ['Admiral', '6300'],
    ['Direct Line', '6300'],
    ['Aviva', '6300'],
    ['Esure', '6300'],
    ['Saga Insurance', '6300'],
  ],
  streaming: [
    ['Netflix', '4899', 1099],
    ['Disney Plus', '4899', 799],
    ['NOW TV', '4899', 999],
    ['Spotify', '5815', 1199],
    ['YouTube Premium', '5815', 1299],
    ['Apple Music', '5815', 1099],
    ['Amazon Prime', '5968', 899],
  ],
  gym: [
    ['PureGym', '7997', 2499],
    ['The Gym Group', '7997', 2299],
    ['Nuffield Health', '7997', 5500],
    ['Better Leisure', '7997', 3500],
    ['Anytime Fitness', '7997', 3999],
  ],
  charity: [
    ['Oxfam', '8398'],
    ['Cancer Research UK', '8398'],
    ['British Heart Foundation', '8398'],
    ['RSPCA', '8398'],
  ],
  childcare: [
    ['Busy Bees Nurseries', '8351'],
    ['Bright Horizons', '8351'],
    ['Little Acorns Nursery', '8351'],
    ['Kids Planet Day Nurseries', '8351'],
  ],
  baby: [
    ['Mamas & Papas', '5641'],
    ['JoJo Maman Bebe', '5641'],
    ['Mothercare', '5641'],
    ['Kiddies Kingdom', '5641'],
  ],
  car_dealer: [
    ['Lookers', '5511'],
    ['Cinch Cars', '5511'],
    ['Cazoo', '5511'],
    ['Motorpoint', '5511'],
    ['Vertu Motors', '5511'],
    ['Stoneacre Motor Group', '5511'],
  ],
  home_inspection: [
    ['Keystone Home Inspections', '7399'],
    ['Sure Survey Property Inspection Ltd', '8999'],
    ['HomeCheck Inspection Services', '7399'],
    ['Brickwise Building Surveyors', '8999'],
    ['ClearView Property Surveys', '8999'],
  ],
  removals: [
    ['Pickfords', '4214'],
    ['Swift Removals & Storage', '4214'],
    ['Careful Movers Ltd', '4214'],
    ['Big Yellow Self Storage', '4214'],
  ],
  conveyancing: [
    ['Clearwater Conveyancing LLP', '8111'],
    ['Homeward Legal', '8111'],
    ['Cornerstone Conveyancing', '8111'],
  ],
};

export const merchantCategories = Object.keys(byCategory) as readonly MerchantCategory[];

function toMerchants(category: MerchantCategory): readonly Merchant[] {
  return byCategory[category].map(([name, mcc, price]): Merchant =>
    price === undefined ? { name, mcc, category } : { name, mcc, category, price },
  );
}

const grouped = {} as Record<MerchantCategory, readonly Merchant[]>;
for (const category of merchantCategories) grouped[category] = toMerchants(category);

export const merchantsByCategory: Readonly<Record<MerchantCategory, readonly Merchant[]>> = grouped;

export const merchants: readonly Merchant[] = merchantCategories.flatMap((c) => merchantsByCategory[c]);

export interface SpendProfile {
  /** Typical amount in pounds, and the log-scale spread around it. */
  readonly median: number;
  readonly sigma: number;
  /** Relative frequency per calendar month, January first; 1 when absent. */
  readonly months?: readonly number[];
  /** Relative frequency per weekday, Monday first; 1 when absent. */
  readonly weekdays?: readonly number[];
  /** Share of purchases refunded a few days later. */
  readonly refunds?: number;
}

const weekend = [0.9, 0.9, 0.9, 1, 1.3, 1.6, 1.2];
const nights = [0.6, 0.6, 0.8, 1, 1.8, 2.0, 1.0];
const christmas = [0.85, 0.8, 0.9, 0.95, 1, 0.95, 1, 1, 0.95, 1, 1.35, 1.9];
const summer = [0.7, 0.8, 0.9, 1, 1.1, 1.5, 1.9, 2.0, 1.0, 0.8, 0.6, 1.1];
const spring = [0.6, 0.7, 1.1, 1.5, 1.6, 1.4, 1.1, 1, 0.9, 0.8, 0.7, 0.6];
const winter = [1.4, 1.3, 1.1, 1, 0.9, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.4];

export const spendProfiles: Readonly<Record<SpendCategory, SpendProfile>> = {
  groceries: {
    median: 32,
    sigma: 0.6,
    months: [1, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 1.05, 1.3],
    weekdays: weekend,
  },
  dining: { median: 34, sigma: 0.5, months: christmas, weekdays: nights },
  fast_food: { median: 7.5, sigma: 0.45 },
  pubs: {
    median: 19,
    sigma: 0.55,
    months: [0.9, 0.8, 0.9, 1, 1.1, 1.2, 1.2, 1.1, 1, 1, 1, 1.4],
    weekdays: nights,
  },
  fuel: { median: 55, sigma: 0.3, months: summer.map((w) => 0.8 + w * 0.2) },
  transport: { median: 11, sigma: 0.8 },
  clothing: {
    median: 42,
    sigma: 0.6,
    months: [1.2, 0.8, 0.9, 1, 1, 1, 1.1, 0.9, 1, 1, 1.4, 1.8],
    refunds: 0.06,
  },
  department: { median: 38, sigma: 0.7, months: christmas, weekdays: weekend },
  online: {
    median: 24,
    sigma: 0.8,
    months: [1, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.95, 1, 1.6, 1.9],
    refunds: 0.05,
  },
  electronics: {
    median: 95,
    sigma: 0.9,
    months: [1.1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1, 1.9, 1.9],
    refunds: 0.04,
  },
  home_improvement: { median: 42, sigma: 0.8, months: spring, weekdays: weekend },
  furniture: { median: 210, sigma: 0.7, months: [1.3, 1, 1, 1, 1, 0.9, 0.9, 1, 1, 1, 1.2, 0.9] },
  air_travel: { median: 145, sigma: 0.5, months: [1.3, 1.1, 1, 1, 1.1, 1.4, 1.6, 1.5, 0.8, 0.8, 0.6, 0.9] },
  hotels: { median: 165, sigma: 0.6, months: summer },
  entertainment: { median: 24, sigma: 0.6, months: christmas, weekdays: nights },
  pharmacy: { median: 11, sigma: 0.6, months: winter },
  health: { median: 75, sigma: 0.6 },
  personal_care: { median: 28, sigma: 0.5, months: christmas },
  pets: { median: 32, sigma: 0.7 },
  digital: { median: 6, sigma: 0.7, months: christmas },
  parking: { median: 5, sigma: 0.6 },
  cash: { median: 40, sigma: 0.5, weekdays: [0.9, 0.9, 0.9, 1, 1.4, 1.3, 0.7] },
};

export const spendCategories = Object.keys(spendProfiles) as readonly SpendCategory[];
