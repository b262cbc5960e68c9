//! Titles and roles: stripped from names, and used as cues that the name is a person.
//!
//! A *title phrase* is a run of capitalized title words and modifiers with at least one
//! title word, maybe followed by `of (the) <complement>`: `President`, `Gen`, `Interior
//! Minister`, `Chief of Staff Gen`, `Sergeant Major of the Army`, `Secretary-General`. The
//! name after the last title word of a phrase is a person (`Randy George`, `Michael
//! Weimer`); what precedes the phrase is analysed on its own (`Ukrainian` is a demonym,
//! `U.S.` a place, `US Army` an organization). A lowercase *role* word right before a name
//! (`spokesperson Dmitry Peskov`, `envoy Steve Witkoff`) is a person cue too; it is not part
//! of the name, since names are capitalized.
//!
//! A title word directly after a first name is part of the name (`Stephen King`), and a
//! phrase with nothing after it is not a name (`the President stated`).

/// Capitalized titles before a name (lookup form; abbreviations without their dot).
pub const TITLES: &str = "
president presidents premier minister ministers secretary chancellor king queen prince princess
pope emperor empress sheikh sheik sultan emir amir shah gen general col colonel lt lieutenant maj
major capt captain sgt sergeant adm admiral cmdr commander brig brigadier marshal cpl corporal
pvt mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative
congressman congresswoman gov governor mayor judge justice ambassador envoy spokesman spokeswoman
spokesperson speaker chairman chairwoman chairperson chief ceo cfo director commissioner
inspector detective sheriff officer rev reverend bishop archbishop cardinal rabbi imam ayatollah
mullah taoiseach tanaiste mp mep td deputy leader coach anchor correspondent host adviser advisor
aide counsellor counselor attorney prosecutor superintendent constable pastor duke duchess earl
baron baroness viscount countess chair father saint patriarch ombudsman
";

/// Words that join a title into a title phrase (`Prime Minister`, `Foreign Secretary`).
pub const TITLE_MODIFIERS: &str = "
vice deputy prime first foreign defence defense interior finance economy economic justice health
education energy trade agriculture culture transport transportation labor labour home homeland
national security press executive supreme attorney solicitor surgeon special senior acting
former assistant associate principal state opposition majority minority general lieutenant
grand crown sergeant major interim environment environmental immigration intelligence treasury
commerce housing veterans information communications development industry tourism sports youth
women family social welfare emergency regional public works planning science technology digital
climate migration refugee military naval fire media managing joint human rights high permanent
federal budget cabinet brexit ex then late chief elect designate
";

/// Words after `of (the)` inside a title phrase (`Secretary of State`, `of the Army`).
pub const COMPLEMENTS: &str = "
state staff defense defence army navy air force treasury commerce justice interior energy health
education agriculture labor labour transportation veterans affairs homeland security foreign
housing development joint chiefs commons lords representatives house war finance economy trade
information national intelligence central public prosecutions
";

/// Lowercase roles right before a name (`spokesperson Dmitry Peskov`).
pub const ROLES: &str = "
president minister secretary chancellor premier envoy ambassador spokesman spokeswoman
spokesperson aide adviser advisor counselor counsellor commander general colonel lieutenant
sergeant captain officer official representative senator congressman congresswoman governor
mayor judge lawyer attorney prosecutor director chief chairman chairwoman leader correspondent
reporter journalist columnist commentator analyst economist professor scholar researcher expert
scientist doctor nurse teacher student activist campaigner blogger author writer novelist poet
artist actor actress singer rapper musician comedian producer filmmaker photographer designer
presenter host anchor broadcaster businessman businesswoman billionaire millionaire tycoon
magnate entrepreneur investor banker founder cofounder ceo executive manager coach player
striker midfielder defender goalkeeper champion athlete boxer wrestler driver pilot soldier
veteran detective sheriff constable inspector agent spy diplomat negotiator mediator candidate
nominee lawmaker legislator politician strongman dictator rebel militant suspect victim gunman
attacker bomber assailant defendant plaintiff witness national mother father son daughter wife
husband brother sister uncle aunt cousin grandson granddaughter grandmother grandfather widow
girlfriend boyfriend fiance fiancee colleague counterpart predecessor successor deputy pope
cardinal bishop archbishop priest pastor rabbi imam cleric prince princess king queen duke
duchess emperor sheikh emir sultan named dubbed mr ms mrs dr
";
