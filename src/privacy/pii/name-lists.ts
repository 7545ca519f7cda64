// Common given names and surnames of the markets Curtain serves (UK, Ireland, US, DE, FR, NL, and their largest
// diasporas), lower case: the dictionary of the person-name recogniser.

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const givenNames = words(`
  james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
  donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
  nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
  jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian
  keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe
  logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene
  oliver harry leo oscar charlie theo max liam owen rhys callum euan connor alfie archie freddie teddie louis
  lucas finley isaac jude ronan aidan declan ciaran niall conor seamus eoin cillian mohammed muhammad ahmed ali
  omar hassan ibrahim yusuf ravi arjun rahul amit sanjay vikram raj tomasz piotr krzysztof marek pawel kwame kofi
  emeka chidi tunde
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
  kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
  amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
  catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
  megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
  alice julia judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
  charlotte marie kayla alexis lori amelia isla ava mia ivy lily freya poppy ella evie chloe sienna ruby rosie
  florence daisy phoebe matilda imogen harriet niamh aoife siobhan saoirse eilidh cerys seren megan aisha fatima
  priya anjali sunita zofia agnieszka katarzyna amara chioma ngozi
  hans peter klaus wolfgang jürgen juergen dieter horst uwe günter guenter stefan andreas thomas michael frank
  markus matthias jens tobias florian sebastian lukas leon finn felix jonas elias paul moritz niklas tim jan
  maximilian fabian philipp christoph alexander kai lars sven torsten dirk ralf bernd heinz karl friedrich
  ursula monika petra sabine renate helga karin brigitte ingrid gisela andrea claudia susanne stefanie julia anna
  lena lea hannah sophie marie laura leonie katharina johanna franziska nina sandra birgit heike anke silke katrin
  jean pierre michel philippe alain nicolas christophe françois francois laurent stéphane stephane julien sébastien
  sebastien olivier thierry patrick éric eric frédéric frederic pascal guillaume antoine mathieu hugo théo theo
  louis jules gabriel raphaël raphael arthur lucas nathan enzo
  marie nathalie isabelle sylvie catherine françoise francoise christine monique valérie valerie sandrine
  stéphanie sophie céline celine camille chloé chloe léa lea manon emma inès ines jade louise juliette amélie
  amelie aurélie aurelie élodie elodie claire
  jan johannes cornelis hendrik willem pieter gerrit jacobus dirk klaas bram daan sem luuk thijs lars ruben joris
  sander bas stijn jeroen maarten wouter koen niels tim sven rik
  johanna maria cornelia anna elisabeth hendrika wilhelmina sanne anouk femke lotte fleur eva lieke iris sophie
  julia tess noa fenna esmee ilse marieke annemiek inge
`);

export const familyNames = words(`
  smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker
  white edwards hughes green hall wood harris martin jackson clarke clark turner hill scott cooper ward morgan king
  baker harrison patel khan begum ahmed singh kaur hussain shah ali iqbal rahman nowak kowalski wisniewski
  wojcik lewandowski okafor mensah adeyemi campbell stewart murray kelly byrne o'brien murphy walsh ryan o'connor
  o'neill doyle mccarthy gallagher kennedy lynch price bennett griffiths lloyd chapman palmer mills knight
  fletcher fox mitchell phillips lee young allen anderson moore miller davis garcia rodriguez martinez hernandez
  lopez gonzalez perez sanchez ramirez torres flores rivera gomez diaz reyes cruz morales ortiz gutierrez
  nguyen tran kim park chen wang li zhang liu yang huang wu zhou
  adams baker nelson carter gonzales russell griffin hayes myers ford hamilton graham sullivan wallace woods cole
  west jordan owens reynolds fisher ellis harrison gibson mcdonald marshall gray grey simpson shaw holmes rose
  lawrence dixon hunt black spencer mason watson parker collins edwards howard cox richardson wood watson brooks
  bell gray james butler barnes henderson coleman jenkins perry powell long patterson hughes flores washington
  butler sanders foster bryant alexander russell diaz kelly
  müller mueller schmidt schneider fischer weber meyer meier wagner becker schulz schulze hoffmann hofmann koch
  richter bauer klein wolf schröder schroeder neumann schwarz zimmermann braun krüger krueger hartmann lange
  werner krause lehmann köhler koehler maier huber kaiser fuchs peters lang scholz möller moeller weiß weiss jung
  hahn schubert vogel friedrich keller günther guenther frank berger winkler roth beck lorenz baumann franke
  albrecht schuster simon ludwig böhm boehm winter kraus martin schumacher krämer kraemer vogt stein jäger
  jaeger otto sommer groß gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn kühn
  pohl engel horn busch bergmann thomas voigt sauer arnold wolff pfeiffer
  dubois durand lefebvre leroy moreau laurent lefèvre lefevre roux fournier girard bonnet dupont lambert fontaine
  rousseau vincent muller mercier boyer blanc guerin guérin faure andré andre chevalier francois françois legrand
  gauthier garcia perrin robin clement clément morin nicolas henry roussel mathieu gautier masson marchand duval
  denis dumont marie lemaire noel noël meyer dufour meunier brun blanchard giraud joly riviere rivière lucas
  bernard petit richard robert
  jansen janssen de vries van den berg van dijk bakker visser smit meijer de boer mulder de groot bos vos peters
  hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer van der linden kok jacobs de haan
  vermeulen van den heuvel van der veen van den broek de bruijn de bruin van der heijden schouten van beek willems
  van vliet van de ven hoekstra maas verhoeven koster van dam van der wal prins blom huisman peeters
`);

/** Lower-case particles inside surnames: "van der Meer", "de Groot", "von Weizsäcker", "O'Neill". */
export const surnameParticles = new Set([
  'van',
  'der',
  'den',
  'de',
  'von',
  'zu',
  'du',
  'le',
  'la',
  'da',
  'di',
  'ter',
  'ten',
]);

/** Titles before a name; the name, not the title, is the finding. */
export const titles = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'lady',
  'lord',
  'herr',
  'frau',
  'fr',
  'hr',
  'm',
  'mme',
  'mlle',
  'dhr',
  'mevr',
  'mevrouw',
  'meneer',
]);

/**
 * Capitalised words of bank and marketing texts that are never part of a name, even next to one ("Max Saver",
 * "Grace Period", "Customer Olivia").
 */
export const notNames = words(`
  account accounts card cards credit debit saver savings save isa loan loans mortgage mortgages insurance
  premier reward rewards plus easy access home green gold silver platinum black classic basic premium current
  bank banking branch store shop online mobile app customer customers client clients payment payments transfer
  order orders invoice ref reference mandate item items qty art nr sku ean standing direct debit fps bacs chaps sepa iban bic sort code tel phone
  email mail fax contact address street road lane avenue close drive way the a an and or of for to from with in on
  at by dear hi hello thanks thank please name holder beneficiary landlord birthday gift pocket money rent dinner
  split meeting call back spoke about re tomorrow today yesterday january february march april may june july
  august september october november december monday tuesday wednesday thursday friday saturday sunday mon tue wed
  thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec period offer offers campaign segment segments
  new young families family frequent travellers students high earners no pension pensions rate fixed variable
  miete an loyer überweisung lastschrift gutschrift rechnung vertrag kunde kundin zahlung
  visa mastercard amex contactless pos atm cash refund balance amount paid due booked statement delivered policy
  started opened since event parking opening visit our store london leeds manchester bristol birmingham glasgow
  edinburgh cardiff berlin paris amsterdam new york christmas easter summer winter spring autumn fall black friday
  national insurance number social security tax id document ssn nino bsn nir steuer date birth dob born
  questions write invoice sent lives moved deliver flat apartment suite unit floor service support care team
  help desk centre center office head happy welcome great get save win enjoy discover free special exclusive
  limited best your our we you this that it is are all more now only just join apply open switch book try see
  find learn ask talk start earn spend pay
`);
