// The categorisation rules (docs/categories.md): which MCCs, merchant and payee names, and transfer purposes mean
// which category. Data only; categorize.ts applies it. Changing a rule means bumping taxonomyVersion.
import type { CategoryCode } from './taxonomy.ts';
import type { Direction } from './transaction.ts';

// MCC table. Codes and inclusive ranges; a code listed twice is a bug and throws at load.

export const mccAssignments: Partial<Record<CategoryCode, string>> = {
  groceries: '5300 5411 5422 5441 5451 5462 5499 5921',
  dining: '5811 5812 5813 5814',
  rent: '6513',
  utilities: '4900 5983',
  telecom: '4812 4814 4815 4816 4821 4899',
  home_services: '0780 4214 4225 7217 7342 7349 7393 7394 7623 7629 7641 7692 7699',
  home_improvement:
    '1520 1711 1731 1740 1750 1761 1771 1799 5039 5072 5074 5198 5200 5211 5231 5251 5261 5271 ' +
    '5712 5713 5714 5718 5719 5722 5996',
  fuel: '5172 5541 5542 5552 7511',
  transport: '4011 4111 4112 4121 4131 4784 4789 7513 7523',
  car_purchase: '5511 5521 5551 5561 5571 5592 5598 5599',
  car_services: '5013 5531 5532 5533 5935 7531 7534 7535 7538 7542 7549 8675',
  travel: '3000-3999 4411 4511 4582 4722 4723 5962 7011 7012 7033 7512 7519',
  childcare: '8351',
  baby: '5641',
  education: '8211 8220 8241 8244 8249 8299',
  pets: '0742 5995',
  healthcare: '4119 5047 5975 5976 8011 8021 8031 8041 8042 8043 8044 8049 8050 8062 8071 8099',
  pharmacy: '5122 5912',
  fitness: '7992 7997',
  entertainment:
    '4457 4468 5733 5735 5815 5816 5817 5818 7032 7273 7829 7832 7841 7911 7922 7929 7932 7933 ' +
    '7941 7991 7993 7994 7996 7998 7999',
  subscriptions: '5968 7372 7375',
  gambling: '7800 7801 7802 7995 9406',
  shopping:
    '0763 2842 5021 5046 5051 5085 5094 5099 5111 5131 5169 5192 5193 5199 5262 5309 5310 5311 ' +
    '5331 5399 5832 5931 5932 5933 5937 5940 5941 5942 5943 5944 5945 5947 5948 5949 5950 5961 ' +
    '5963 5964 5965 5966 5967 5969 5970 5971 5972 5973 5992 5993 5994 5998 5999 7278 7395 7631',
  clothing: '5137 5139 5611 5621 5631 5651 5655 5661 5681 5691 5697 5699 7296',
  electronics: '5044 5045 5065 5732 5734 5946 5978 5997 7379 7622',
  personal_care: '5698 5977 7210 7211 7216 7230 7251 7297 7298 7299',
  professional_services:
    '2741 2791 4215 7221 7261 7276 7277 7311 7321 7332 7333 7338 7339 7361 7392 7399 8111 8734 ' +
    '8911 8931 8999',
  government_fees: '9211 9222 9223 9399 9402 9405',
  tax: '9311',
  charity: '8398 8661',
  memberships: '8641 8651 8699',
  insurance: '5960 6300 6381 6399',
  transfers: '4829 6012 6536 6537 6538 6540',
  savings_transfer: '6211',
  cash: '6010 6011 6050 6051',
};

/**
 * Listed codes that deliberately carry no category: network-internal codes with no consumer
 * meaning. A transaction with one of them is categorised by its other fields.
 */
export const uncategorisedMccs: readonly string[] = ['9700', '9701', '9702', '9950'];

// Name rules: brands and trade words in a merchant or payee name. First matching rule wins, so
// narrow rules come before broad ones (home inspection before home services, pets before
// healthcare for "Tierklinik", dining before transport for "Uber Eats").

export const nameRules: ReadonlyArray<readonly [CategoryCode, RegExp]> = [
  [
    'home_inspection',
    /home\s*(?:check|inspect)|(?:house|property|building|structural|home\s*buyers?|pre-?purchase)\s*(?:inspect|survey)|\bsurveyors?\b|inspection\s*services|bausachverst|baugutacht|immobiliengutacht|hausbegutacht/i,
  ],
  [
    'charity',
    /unicef|red\s*cross|rotes\s*kreuz|caritas|diakonie|oxfam|greenpeace|\bwwf\b|amnesty|[aä]rzte\s*ohne\s*grenzen|doctors\s*without\s*borders|save\s*the\s*children|brot\s*f[uü]r\s*die\s*welt|misereor|charity|spendenkonto/i,
  ],
  [
    'childcare',
    /\bkita\b|kindertagesst|kindergarten|kinderkrippe|\bkrippe\b|tagesmutter|day\s*care|daycare|child\s*care|childcare|nursery\s*school|preschool|\bnanny\b|babysit/i,
  ],
  ['baby', /\bbaby\b|babywalz|babymarkt|baby-markt|mothercare|pr[eé]natal|windeln|pampers|kinderwagen/i],
  [
    'subscriptions',
    /netflix|spotify|disney\s*(?:\+|plus)|\bdazn\b|\bdeezer\b|audible|youtube\s*(?:premium|music)|amazon\s*prime|prime\s*video|\bhbo\b|paramount\s*(?:\+|plus)|\bhulu\b|apple\.com\/bill|itunes|icloud|google\s*(?:one|storage)|microsoft\s*365|office\s*365|adobe|dropbox|patreon|crunchyroll|wow\s*tv|sky\s*(?:ticket|go\b)|playstation\s*(?:plus|network)|xbox\s*game\s*pass|now\s*tv|apple\s*(?:music|tv\+?|one)|chatgpt|openai|readly|kindle\s*unlimited/i,
  ],
  [
    'telecom',
    /vodafone|telekom|\bo2\b|telef[oó]nica|congstar|1\s*&\s*1|aldi\s*talk|lidl\s*connect|\bfreenet|klarmobil|drillisch|verizon|\bat&t|t-mobile|comcast|xfinity|virgin\s*media|\bbt\s*group|sky\s*(?:uk|deutschland)|unitymedia|netcologne|\bm-?net\b|swisscom/i,
  ],
  ['tax', /finanzamt|\bhmrc\b|\birs\b|usataxpymt|steuerkasse/i],
  [
    'government_fees',
    /b[uü]rgeramt|standesamt|stadtkasse|gemeindekasse|landeshauptkasse|bundeskasse|kreiskasse|zulassungsstelle|kfz-?zulassung|beitragsservice|rundfunkbeitrag|\bdvla\b|passport\s*office|\bdmv\b|\bgov\.uk\b|bezirksamt|ordnungsamt|amtsgericht|landgericht|gerichtskasse/i,
  ],
  [
    'insurance',
    /versicherung|insurance|assurance|allianz|\baxa\b|\bergo\b|generali|huk-?coburg|huk24|debeka|\bdevk\b|signal\s*iduna|\bhdi\b|\br\+v\b|krankenkasse|\baok\b|barmer|\bdak\b|geico|state\s*farm|aviva|admiral/i,
  ],
  [
    'pets',
    /tierarzt|tier[aä]rzt|tierklinik|tierpraxis|veterin|\bvet\b|fressnapf|zooplus|petco|petsmart|pets\s*at\s*home|futterhaus|hundeschule/i,
  ],
  [
    'pharmacy',
    /apotheke|pharmac(?:y|ie)|farmacia|\bchemist|\bcvs\b|walgreens|rite\s*aid|docmorris|boots\s*(?:pharmacy|uk)/i,
  ],
  [
    'healthcare',
    /zahnarzt|\barzt\b|[aä]rztin|arztpraxis|praxis\s*dr|\bdr\.?\s*med|klinik|clinic|hospital|krankenhaus|dental|dentist|physiotherap|\bphysio\b|krankengymnast|ergotherap|logop[aä]d|heilpraktiker|psychotherap|optiker|fielmann|apollo[-\s]*optik|specsavers|h[oö]rger[aä]t|amplifon|medical|medizin/i,
  ],
  [
    'dining',
    /restaurant|ristorante|trattoria|pizzeria|pizza|osteria|bistro|brasserie|\bcaf[eé]\b|coffee|starbucks|mcdonald|burger|\bkfc\b|\bsubway\b|vapiano|nando'?s|domino'?s|five\s*guys|pret\s*a\s*manger|wagamama|lieferando|deliveroo|uber\s*eats|just\s*eat|doordash|grubhub|\bwolt\b|foodora|imbiss|d[oö]ner|kebab|sushi|steakhouse|gastst[aä]tte|\bkneipe|biergarten|\bpub\b/i,
  ],
  [
    'fuel',
    /\bshell\b|\baral\b|\besso\b|\bbp\b|totalenergies|\btotal\s*(?:station|tankstelle)|tankstelle|\bomv\b|\bagip\b|\beni\s*station|\bq8\b|texaco|chevron|exxon|\bmobil\s*(?:oil|gas)|circle\s*k|\bavia\b|\bpetrol|gas\s*station|filling\s*station|supercharger|ionity|ladestation|ev\s*charg|enbw\s*mobility/i,
  ],
  [
    'groceries',
    /\brewe\b|\bedeka\b|\baldi\b|\blidl\b|kaufland|\bnetto\b|\bpenny\b|\bnorma\b|\bglobus\b(?!\s*baumarkt)|marktkauf|tegut|alnatura|denn'?s\s*bio|bio\s*company|\bspar\b|eurospar|interspar|\bbilla\b|\bhofer\b|migros|\bcoop\b|carrefour|leclerc|intermarch[eé]|auchan|albert\s*heijn|\bjumbo\b|delhaize|colruyt|tesco|sainsbury|\basda\b|morrisons|waitrose|\bocado\b|whole\s*foods|trader\s*joe|kroger|safeway|publix|costco|sam'?s\s*club|amazon\s*fresh|supermar(?:kt|ket)|getr[aä]nke|\bflink\b|gorillas|hellofresh/i,
  ],
  [
    'transport',
    /deutsche\s*bahn|\bdb\s*(?:bahn|vertrieb|fernverkehr|regio|navigator)|\bbahn\b|\bbvg\b|\bmvg\b|\bhvv\b|\bvbb\b|\brmv\b|\bvrr\b|\bvvs\b|\bkvb\b|\bsbb\b|\b[oö]bb\b|\bsncf|trenitalia|\brenfe\b|\bns\s*reizigers|\btfl\b|transport\s*for\s*london|\bmta\b|flixbus|flixtrain|deutschlandticket|\buber\b|\blyft\b|\bbolt\b|free\s*now|\btaxi|\bparking|parkhaus|easypark|\bparken\b|share\s*now/i,
  ],
  [
    'travel',
    /airbnb|booking\.com|expedia|hotels\.com|trivago|\bhotel|motel|hostel|\binn\b|resort|lufthansa|ryanair|easyjet|eurowings|\bcondor\b|\bklm\b|air\s*france|british\s*airways|\biberia\b|vueling|wizz\s*air|\bairlines?\b|\bairways\b|\bhertz\b|\bsixt\b|europcar|\bavis\b|enterprise\s*rent|\btui\b|dertour|ferienwohnung|marriott|hilton|\bibis\b|accor|radisson/i,
  ],
  [
    'utilities',
    /stadtwerke|\be\.on\b|\beon\s*energie|vattenfall|\brwe\b|\benbw\b|entega|mainova|\bswm\b|naturstrom|lichtblick|eprimo|\byello\b|octopus\s*energy|british\s*gas|\bedf\b|\bengie\b|iberdrola|\benel\b|thames\s*water|wasserwerk|wasserversorg|stromversorg|energieversorg|pg&e|con\s*edison|duke\s*energy|\bista\b|techem|brunata/i,
  ],
  [
    'fitness',
    /fitness|\bgym\b|mcfit|clever\s*fit|john\s*reed|urban\s*sports|pure\s*gym|basic-?fit|holmes\s*place|yoga|pilates|crossfit|boulder|kletterhalle|schwimmbad|hallenbad/i,
  ],
  [
    'education',
    /schule\b|universit|hochschul|gymnasium|\bvhs\b|\bschool|college|academy|akademie|tuition|studierendenwerk|studentenwerk|coursera|udemy|\bedx\b|babbel|nachhilfe|studienkreis|sch[uü]lerhilfe/i,
  ],
  [
    'gambling',
    /lotto|lottery|lotterie|tipico|\bbwin\b|bet365|betfair|betway|casino|spielbank|poker|paddy\s*power|william\s*hill|ladbrokes|sportwetten|\bwetten\b|oddset|draftkings|fanduel|aktion\s*mensch|gl[uü]cksspirale/i,
  ],
  [
    'entertainment',
    /\bkino|cinema|cinemaxx|cineplex|cinestar|\buci\b|\bamc\s*theat|\bodeon|eventim|ticketmaster|reservix|theater|theatre|\boper\b|opera|philharmon|museum|\bzoo\b|tierpark|freizeitpark|europa-?park|phantasialand|legoland|disneyland|konzert|concert|festival|bowling|minigolf|escape\s*room|steampowered|steam\s*(?:games|purchase)|playstation|nintendo|\bxbox\b|epic\s*games|twitch|google\s*play|stadion|stadium/i,
  ],
  [
    'home_services',
    /handwerk|klempner|installateur|sanit[aä]r|heizungsbau|elektriker|elektroinstall|plumb|electrician|roofer|dachdecker|maler(?:betrieb|meister)|schornsteinfeger|chimney|geb[aä]udereinigung|reinigungsservice|cleaning\s*serv|helpling|hausmeister|gartenpflege|landschaftsbau|landscap|pest\s*control|sch[aä]dlingsbek[aä]mpf|kammerj[aä]ger|umzug|removals|moving\s*(?:co\b|company|services)|locksmith|schl[uü]sseldienst|taskrabbit|handyman|securitas|self\s*storage|shurgard/i,
  ],
  [
    'home_improvement',
    /bauhaus|\bobi\b|hornbach|\btoom\b|hagebau|baumarkt|hellweg|bauking|home\s*depot|\blowe'?s\b|\bb\s*&\s*q\b|\bikea\b|wickes|screwfix|leroy\s*merlin|castorama|\bjysk\b|d[aä]nisches\s*bettenlager|h[oö]ffner|xxxlutz|m[oö]belhaus|\bm[oö]bel\b|roller\s*m[oö]bel|wayfair|home24|westwing|bodenbel|fliesen|tapeten|k[uü]chenstudio/i,
  ],
  [
    'electronics',
    /media\s*markt|mediamarkt|\bsaturn\b|apple\s*store|best\s*buy|currys|cyberport|notebooksbilliger|conrad\s*elec|\balternate\b|gravis|computer|electronic|elektronik|\bsamsung\b|\bdell\b|lenovo|\bfnac\b|euronics/i,
  ],
  [
    'personal_care',
    /friseur|fris[oö]r|hair\s*(?:salon|dresser|cut)|barber|beauty|kosmetik|cosmetic|nagelstudio|nail\s*(?:salon|studio|bar)|\bspa\b|massage|sauna|douglas|sephora|rossmann|\bdm[-\s]*drogerie|\bdm\s*(?:markt|fil)|drogerie|reinigung|dry\s*clean|w[aä]scherei|laundr|waschsalon/i,
  ],
  [
    'clothing',
    /\bh\s*&\s*m\b|\bzara\b|primark|\bc\s*&\s*a\b|uniqlo|zalando|about\s*you|t\.?\s*k\.?\s*maxx|peek\s*&\s*cloppenburg|\bp\s*&\s*c\b|deichmann|foot\s*locker|\bnike\b|adidas|\bpuma\b|\bmango\b|bershka|pull\s*&\s*bear|s\.\s*oliver|esprit|tommy\s*hilfiger|hugo\s*boss|\blevi'?s\b|old\s*navy|shein|\basos\b|snipes|schuh|shoes|fashion|boutique/i,
  ],
  [
    'car_purchase',
    /autohaus|auto\s*haus|car\s*dealer|auto\s*dealer|dealership|carvana|cazoo|autohandel|gebrauchtwagen|neuwagen/i,
  ],
  [
    'car_services',
    /werkstatt|kfz-?(?:service|meister|technik)|\ba\.?t\.?u\b|auto\s*teile|autoteile|reifen|\btires?\b|\btyres?\b|car\s*wash|waschstra|autow[aä]sche|waschpark|\badac\b|\bt[uü]v\b|dekra|halfords|kwik\s*fit|jiffy\s*lube|pit\s*stop|euromaster|verg[oö]lst|car\s*repair|auto\s*repair|autoglas|carglass|abschleppdienst|towing/i,
  ],
  [
    'savings_transfer',
    /trade\s*republic|scalable\s*capital|flatex|vanguard|fidelity|ishares|robinhood|\betoro\b|degiro|smartbroker|bausparkasse|schw[aä]bisch\s*hall|w[uü]stenrot/i,
  ],
  ['loan_repayment', /kreditbank|auxmoney|smava|santander\s*consumer|creditplus/i],
  [
    'memberships',
    /\bverein\b|sportverein|turnverein|\be\.\s?v\b|gewerkschaft|\bver\.?di\b|ig\s*metall|\bverband\b/i,
  ],
  [
    'professional_services',
    /rechtsanw|kanzlei|\bnotar|steuerberat|wirtschaftspr[uü]f|lawyer|law\s*(?:firm|office)|solicitor|attorney|accountan|\bcpa\b|consult|beratung|bestattung|funeral|\bdhl\b|\bups\b|fedex|hermes\s*(?:versand|paket)|\bdpd\b|\bgls\b/i,
  ],
  [
    'shopping',
    /amazon|\bamzn|ebay|\botto\b|\betsy\b|aliexpress|\btemu\b|walmart|\btarget\b|kaufhof|karstadt|galeria|tchibo|thalia|hugendubel|buchhandlung|bookstore|woolworth|\btedi\b|\bkik\b|nanu-?nana|decathlon|sport\s*scheck|intersport|florist|blumen|geschenk|souvenir|juwelier|jewel|\bpandora\b|spielwaren|\btoys?\b|smyths|mytoys|\bbooks?\b|kiosk|tabak|tobacco|newsagent/i,
  ],
];

// Purpose rules: what a transfer's own text says it is for. Only for descriptions and payee names,
// never merchant names ("Rent-A-Car" is not rent). Each may require a direction, and `nonCard`
// rules apply only to payments without an MCC (a transfer to a counterparty, not a card purchase).
export interface PurposeRule {
  readonly category: CategoryCode;
  readonly pattern: RegExp;
  readonly direction?: Direction;
  readonly nonCard?: true;
}

export const purposeRules: readonly PurposeRule[] = [
  {
    category: 'tax',
    pattern:
      /finanzamt|steuer(?:erstattung|zahlung|vorauszahlung|nachzahlung|bescheid)|(?:kfz|einkommen|lohn|umsatz|gewerbe|grund|hunde|kirchen|kapitalertrag)s?-?steuer|\btax\b|\bhmrc\b|\birs\b/i,
  },
  {
    category: 'pension_income',
    direction: 'credit',
    pattern:
      /\brente\b|renten(?:zahlung|versicherung|service)|\bpension\b|pensionszahlung|pensionskasse|ruhegehalt|versorgungsbez|betriebsrente|altersrente|annuity|social\s*security|soc\s*sec|ssa\s*treas|state\s*pension|\bdrv\b/i,
  },
  {
    category: 'benefits',
    direction: 'credit',
    pattern:
      /kindergeld|familienkasse|elterngeld|arbeitslosengeld|\balg\s*(?:ii?|1|2)\b|b[uü]rgergeld|jobcenter|agentur\s*f[uü]r\s*arbeit|wohngeld|baf[oö]e?g|unterhaltsvorschuss|krankengeld|mutterschaftsgeld|pflegegeld|sozialamt|universal\s*credit|\bdwp\b|child\s*benefit|unemployment|\bbenefits?\b/i,
  },
  {
    category: 'salary',
    direction: 'credit',
    pattern:
      /\b(?:netto|brutto)?(?:lohn|gehalt)|\bbez(?:ü|ue)ge\b|salary|salaire|payroll|\bwages?\b|paycheck|entgeltabrechnung/i,
  },
  {
    category: 'mortgage_payment',
    direction: 'debit',
    pattern:
      /mortgage|hypothek|baufinanzierung|immobilien(?:darlehen|kredit|finanzierung)|baudarlehen|wohnbaukredit/i,
  },
  {
    category: 'transfers',
    pattern: /credit\s*card\s*(?:re)?payment|kreditkarten(?:abrechnung|ausgleich)/i,
  },
  {
    category: 'loan_repayment',
    direction: 'debit',
    pattern:
      /\bloan\b|darlehen|\bkredit\b|kreditrate|ratenkredit|tilgung|\brate\s+\d|ratenzahlung|installment|instalment|repayment|finanzierung|leasing/i,
  },
  {
    category: 'rent',
    direction: 'debit',
    nonCard: true,
    pattern:
      /miete|mietzahlung|nebenkosten|\brent\b(?![\s-]*a[\s-]*(?:car|wreck|bike))|\bloyer\b|\baffitto\b|\balquiler\b/i,
  },
  {
    category: 'insurance',
    direction: 'debit',
    pattern: /versicherung|insurance|krankenkasse|haftpflicht|kasko/i,
  },
  { category: 'charity', direction: 'debit', pattern: /spende|donation|charity|kollekte/i },
  {
    category: 'childcare',
    direction: 'debit',
    pattern:
      /\bkita\b|kitageb|kita-?beitrag|betreuungs(?:geb|beitrag|kosten)|kindergarten|krippe|\bhort\b|tagesmutter|child\s*care|childcare|day\s*care|daycare|nursery/i,
  },
  {
    category: 'education',
    direction: 'debit',
    pattern: /schulgeld|studiengeb|semesterbeitrag|tuition|school\s*fees?|kursgeb|lehrgang|nachhilfe/i,
  },
  {
    category: 'savings_transfer',
    pattern:
      /sparplan|sparrate|sparkonto|sparbuch|sparvertrag|bauspar|tagesgeld|festgeld|savings|\bdepot\b|wertpapier|\betf\b|investment|\bisa\b|brokerage/i,
  },
  {
    category: 'utilities',
    direction: 'debit',
    pattern:
      /\bstrom|gas\s*abschlag|abschlag\s*(?:strom|gas|wasser|fernw)|fernw[aä]rme|wasser(?:geld|geb|abrechnung)|abwasser|m[uü]llgeb|electricity|energy\s*bill|water\s*bill|gas\s*bill/i,
  },
  {
    category: 'telecom',
    direction: 'debit',
    pattern:
      /mobilfunk|handyrechnung|handyvertrag|festnetz|\bdsl\b|internetanschluss|broadband|phone\s*bill/i,
  },
  {
    category: 'government_fees',
    pattern:
      /rundfunkbeitrag|beitragsservice|geb[uü]hrenbescheid|verwaltungsgeb|bu(?:ß|ss)geld|verwarn(?:ungs)?geld|personalausweis|reisepass|passport\s*fee|tv\s*licen[cs]e|gerichtskosten|court\s*fee|parking\s*fine/i,
  },
  {
    category: 'interest',
    pattern:
      /\bzinsen\b|habenzins|sollzins|zinsgutschrift|zinsabschluss|\binterest\b|dispozins|[uü]berziehungszins/i,
  },
  {
    category: 'fees',
    direction: 'debit',
    pattern:
      /geb[uü]hr|entgelt|kontof[uü]hrung|kontopreis|kartenpreis|jahrespreis|\bfees?\b|service\s*charge|overdraft|bank\s*charge/i,
  },
  {
    category: 'cash',
    pattern:
      /geldautomat|bargeld|barauszahlung|bareinzahlung|\batm\b|cash\s*(?:withdrawal|deposit)|\bga\s+\d|auszahlung\s*ga\b/i,
  },
  {
    category: 'transfers',
    pattern:
      /[uü]berweisung|ueberweisung|dauerauftrag|umbuchung|\btransfer\b|instant\s*payment|\bp2p\b|\bvenmo\b|\bzelle\b/i,
  },
];
