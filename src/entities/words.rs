//! The built-in word lists, one lookup for all: every word (in lookup form, see
//! [`super::keys::norm`]) maps to a set of [`Class`] bits.
//!
//! Lists: capitalized function words that never start a name ([`STOP`]), demonyms
//! ([`DEMONYM`]: `Russian` is not a place mention), organization / event / place / other
//! keywords at the end or head of a name, lowercase cue words around a name (`envoy Steve
//! Witkoff`, `PURL initiative`, `Kyiv region`, `Washington summit`), first names, family-first
//! surnames (`Xi Jinping`), name particles (`al-`, `bin`, `de`), and name suffixes (`Jr`).
//! Titles and roles live in [`super::titles`].

use std::sync::OnceLock;

use super::keys::FastMap;
use super::titles;

/// A set of word classes (bit flags).
pub type Class = u32;

/// A capitalized function word or sentence starter: never part of a name (`The`, `According`).
pub const STOP: Class = 1;
/// A demonym or group adjective (`Russian`, `Ukrainians`, `Western`, `Democrats`).
pub const DEMONYM: Class = 1 << 1;
/// A title that precedes a name (`President`, `Gen`, `Minister`); see [`super::titles`].
pub const TITLE: Class = 1 << 2;
/// A word that joins a title (`Prime`, `Foreign`, `Interior`, `Deputy`).
pub const TITLE_MOD: Class = 1 << 3;
/// A word after `of` in a title (`Secretary of State`, `Chief of Staff`).
pub const COMPLEMENT: Class = 1 << 4;
/// A lowercase role word that marks the following name as a person (`envoy`, `spokesperson`).
pub const ROLE: Class = 1 << 5;
/// Last word of an organization (`Council`, `Army`, `Times`).
pub const ORG_KW: Class = 1 << 6;
/// First word of an organization named `X of Y` (`Ministry of Defence`, `Bank of England`).
pub const ORG_HEAD: Class = 1 << 7;
/// Last word of an event (`Summit`, `Games`, `Conference`).
pub const EVENT_KW: Class = 1 << 8;
/// Last word of a place (`River`, `Oblast`, `Airport`).
pub const PLACE_KW: Class = 1 << 9;
/// First word of a place (`Mount`, `Lake`, `Fort`).
pub const PLACE_HEAD: Class = 1 << 10;
/// Last word of a named thing of no other kind (`Agreement`, `Act`).
pub const OTHER_KW: Class = 1 << 11;
/// A lowercase word after a name making it a thing (`PURL initiative`, `Patriot missile`).
pub const OTHER_CUE: Class = 1 << 12;
/// A lowercase word after a name making it a place (`Kyiv region`, `Donetsk oblast`).
pub const PLACE_CUE: Class = 1 << 13;
/// A lowercase word after a name making it an event (`Washington summit`).
pub const EVENT_CUE: Class = 1 << 14;
/// A first name (`Keith`, `Volodymyr`).
pub const FIRST_NAME: Class = 1 << 15;
/// A surname written first (`Xi Jinping`, `Kim Jong Un`).
pub const FAMILY_FIRST: Class = 1 << 16;
/// A lowercase particle inside names (`bin`, `al`, `de`, `van`).
pub const PARTICLE: Class = 1 << 17;
/// A name suffix (`Jr`, `III`).
pub const SUFFIX: Class = 1 << 18;
/// A verb of saying after a name: weak person cue (`said`, `told`).
pub const SAY: Class = 1 << 19;
/// A preposition before a name: weak place cue (`in`, `from`).
pub const PLACE_PREP: Class = 1 << 20;
/// A month name (`September`, `Sept`).
pub const MONTH: Class = 1 << 21;
/// A weekday name (`Friday`).
pub const WEEKDAY: Class = 1 << 22;
/// A compass word starting place names (`North Rhine-Westphalia`, `East Jerusalem`).
pub const COMPASS: Class = 1 << 23;

/// The classes of a word in lookup form (0 if it is in no list). Plural demonyms
/// (`Russians`, `Tories`) are found through their singular.
pub fn class(normed: &str) -> Class {
    let table = table();
    let found = table.get(normed).copied().unwrap_or(0);
    if found & DEMONYM == 0 && normed.len() > 3 {
        if let Some(stem) = normed.strip_suffix('s') {
            return found | table.get(stem).copied().unwrap_or(0) & DEMONYM;
        }
    }
    found
}

fn table() -> &'static FastMap<&'static str, Class> {
    static TABLE: OnceLock<FastMap<&'static str, Class>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FastMap<&'static str, Class> = FastMap::default();
        let lists: &[(&'static str, Class)] = &[
            (STOP_WORDS, STOP),
            (DEMONYMS, DEMONYM),
            (titles::TITLES, TITLE),
            (titles::TITLE_MODIFIERS, TITLE_MOD),
            (titles::COMPLEMENTS, COMPLEMENT),
            (titles::ROLES, ROLE),
            (ORG_KEYWORDS, ORG_KW),
            (ORG_HEADS, ORG_HEAD),
            (EVENT_KEYWORDS, EVENT_KW),
            (PLACE_KEYWORDS, PLACE_KW),
            (PLACE_HEADS, PLACE_HEAD),
            (OTHER_KEYWORDS, OTHER_KW),
            (OTHER_CUES, OTHER_CUE),
            (PLACE_CUES, PLACE_CUE),
            (EVENT_CUES, EVENT_CUE),
            (FIRST_NAMES, FIRST_NAME),
            (FAMILY_FIRST_NAMES, FAMILY_FIRST),
            (PARTICLES, PARTICLE),
            (SUFFIXES, SUFFIX),
            (SAY_VERBS, SAY),
            (PLACE_PREPOSITIONS, PLACE_PREP),
            (MONTHS, MONTH),
            (WEEKDAYS, WEEKDAY),
            (COMPASS_WORDS, COMPASS),
        ];
        for &(words, bits) in lists {
            for word in words.split_whitespace() {
                *table.entry(word).or_default() |= bits;
            }
        }
        table
    })
}

/// Capitalized words that never begin or belong to a name.
const STOP_WORDS: &str = "
a an the this that these those there here it its he she his her him hers they them their theirs
we our ours us you your yours i me my mine who whom whose what which when where why how whether
if then than and or but nor so yet also as at by for from in into of off on onto out over per to
up upon with within without about above across after against along amid amidst among around
before behind below beneath beside besides between beyond despite during except inside near
outside since through throughout till toward towards under underneath unlike until via while
although though because unless whereas however meanwhile moreover nevertheless nonetheless
furthermore therefore thus hence indeed instead otherwise still now tonight later earlier
already again ever never always often sometimes perhaps maybe yes no not all any both each either
every few many more most much neither none other others several some such same another only just
even very too quite rather almost nearly according asked says said will would should could can
might must shall do does did done is are was were be been being has have had having let lets get
got one two three four five six seven eight nine ten hundreds thousands millions dozens first
second third last next once whatever whoever whenever wherever everyone everything everybody
someone something somebody anyone anything nobody nothing lets im were theyre hes shes thats
theres whats dont isnt wasnt cant wont also read more related see watch
photo photos video videos image images caption copyright click subscribe share follow sign
update updated breaking live exclusive opinion analysis editorial comment note editors
advertisement sponsored reporting additional contributed via source sources
oh hey hi ok okay please thank thanks sorry dear welcome wow yeah well like anti pro non ex
post pre neo co ive id ill im youve youre weve permalink newsvine mps meps tds didnt doesnt
wouldnt couldnt shouldnt arent werent hasnt havent hadnt theyve theyll shell hell wed eve sino ngos
january february march april june july august september october november december
";

/// Demonyms and group adjectives: never a place mention, stripped before names.
const DEMONYMS: &str = "
american russian ukrainian british french german chinese japanese korean iranian iraqi syrian
turkish israeli palestinian saudi egyptian indian pakistani afghan afghani european western
eastern northern southern soviet arab muslim christian jewish jew catholic protestant orthodox
mexican canadian brazilian australian italian spanish polish dutch belgian swiss swedish norwegian
danish finnish irish scottish welsh english greek hungarian czech slovak romanian bulgarian
serbian croatian bosnian albanian kosovar georgian armenian azerbaijani azeri belarusian moldovan
lithuanian latvian estonian kazakh uzbek turkmen kyrgyz tajik mongolian vietnamese thai
cambodian laotian burmese malaysian indonesian filipino singaporean taiwanese tibetan uighur
uyghur kurdish kurd yemeni omani qatari emirati kuwaiti bahraini jordanian lebanese libyan
tunisian algerian moroccan sudanese ethiopian eritrean somali kenyan ugandan rwandan nigerian
ghanaian senegalese malian congolese angolan zimbabwean zambian cuban venezuelan colombian
peruvian chilean argentine argentinian bolivian ecuadorian haitian jamaican latino latina
hispanic asian african balkan nordic scandinavian baltic sunni shia shiite shiites alawite
druze hindu buddhist sikh islamist jihadist republican democrat democratic communist socialist
nazi conservative liberal tory tories brexiteer remainer briton brit yankee texan californian
new-yorker parisian muscovite londoner dane swede finn pole scot turk greek serb croat czech
slovene slovenian macedonian montenegrin cypriot maltese icelandic luxembourgish austrian
portuguese brazilian paraguayan uruguayan guatemalan honduran salvadoran nicaraguan panamanian
dominican puerto-rican bangladeshi nepalese nepali sri-lankan lankan maldivian bhutanese
mauritanian nigerien chadian cameroonian gabonese togolese beninese ivorian liberian
sierra-leonean guinean gambian burkinabe tanzanian mozambican malawian namibian botswanan
motswana lesotho swazi malagasy mauritian somalilander djiboutian south-sudanese
new-zealander kiwi fijian papuan samoan tongan chechen dagestani tatar bashkir crimean
cossack pashtun baloch punjabi sindhi bengali tamil hutu tutsi yazidi assyrian copt coptic
maronite rohingya berber bedouin persian ottoman roman byzantine anglo latin slavic slav
evangelical mormon methodist baptist anglican lutheran presbyterian pentecostal atheist
westerner westerners easterner sufi salafi wahhabi islamic philippine arabic olympic
";

/// The last word of an organization's name.
const ORG_KEYWORDS: &str = "
council assembly forum army navy force forces house times post journal news herald tribune
gazette telegraph guardian observer chronicle daily weekly review magazine press agency ministry
department office bureau commission committee court tribunal parliament senate congress party
union association federation organization organisation institute institution university
college academy school foundation fund bank corporation corp inc ltd llc plc co company group
holdings industries enterprises airlines airways railways railway motors network networks
service services authority police guard brigade brigades battalion regiment division corps
command front movement alliance coalition league club society church board directorate
secretariat center centre watch trust partners capital labs laboratories technologies systems
observatory media broadcasting television tv radio channel studios pictures records entertainment
petroleum pharmaceuticals securities exchange reserve fc caucus cabinet politburo duma
legislature municipality presidium inquirer sentinel dispatch examiner courier monitor bulletin
express mirror mail standard star sun independent globe record register staff administration
";

/// The first word of an organization named `X of Y`.
const ORG_HEADS: &str = "
ministry department bank university college council house church court institute academy office
bureau commission committee federation union league organization organisation association party
coalition board school museum congress assembly order chamber society
";

/// The last word of an event's name.
const EVENT_KEYWORDS: &str = "
summit conference games olympics olympiad cup championship championships festival expo
marathon war revolution uprising awards day week congress convention
";

/// The last word of a place's name.
const PLACE_KEYWORDS: &str = "
sea ocean river lake lakes mountains mountain hills hill island islands isles peninsula valley
desert gulf bay strait straits canal coast basin delta plateau plains heights forest park square
street avenue road boulevard bridge airport station harbour harbor province region oblast county
district city town village prefecture territory territories governorate krai raion canton
borough falls springs beach glacier reef tower palace cathedral mosque temple stadium arena hall
prison hospital base wing
";

/// The first word of a place's name.
const PLACE_HEADS: &str = "mount mt lake gulf bay cape port fort camp san santa sierra isle";

/// The last word of a named thing of no other kind (laws, treaties, plans, prizes).
const OTHER_KEYWORDS: &str = "
agreement agreements accord accords treaty act bill plan initiative program programme project
doctrine strategy pact protocol declaration charter resolution amendment index prize
";

/// Lowercase words after a name that make it a (non-person) thing.
const OTHER_CUES: &str = "
initiative initiatives program programme system systems missile missiles rocket rockets launcher
launchers drone drones jets aircraft warship warships tank tanks vaccine vaccines app software
project scheme pipeline
";

/// Lowercase words after a name that make it a place.
const PLACE_CUES: &str = "region oblast province city county district state governorate prefecture";

/// Lowercase words after a name that make the whole an event.
const EVENT_CUES: &str = "summit";

/// Verbs of saying: a weak cue that the name before them is a person.
const SAY_VERBS: &str = "
said says say told added wrote tweeted posted stated noted argued explained insisted warned
claimed admitted acknowledged replied responded urged vowed pledged recalled testified
";

/// Prepositions before a single unknown name: a weak cue that it is a place.
const PLACE_PREPOSITIONS: &str = "in from near outside across into throughout toward towards inside";

/// Month names and their abbreviations (lookup form).
const MONTHS: &str = "
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
";

/// Compass words starting place names.
const COMPASS_WORDS: &str = "north south east west central upper lower greater";

/// Weekday names.
const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";

/// Lowercase particles inside names.
const PARTICLES: &str = "al el bin ibn bint de da di del della der den van von la le du dos das ter ten zu y";

/// Name suffixes.
const SUFFIXES: &str = "jr sr ii iii iv";

/// Surnames written before the given name.
const FAMILY_FIRST_NAMES: &str = "
xi li wang zhang liu chen yang zhao huang zhou wu hu kim park moon hun
";

/// First names (English and the names most frequent in international news).
const FIRST_NAMES: &str = "
aaron abby abdel abdul abdullah abdulla abe abigail abraham adam adel adrian agnes ahmad ahmed
aidan aileen ainsley akbar alan alastair albert alberto aleksandr aleksei alex alexander
alexandra alexandre alexandria alexei alexey alexis alfonso alfred ali alice alicia alisha alison
allan allen allison alma alvaro alvin amanda amber amelia amir amy ana anatoly anders andre andrea
andreas andrei andres andrew andrey andriy andrzej andy angel angela angelina angelo angie anita
ann anna anne annette annie anthony antoine anton antonio antony archie ari ariana ariel
arlene armando arnold arseniy arsen arthur artur ashley ashraf ashton asif aubrey audrey aung
austin ava avi avigdor ayman aziz barack barbara barry bart bashar basil beata beatrice becky
ben benedict benjamin benny bernard bernie beth betsy betty beverly bill billy binyamin blake
bob bobby bogdan boris boyko brad bradley brandon brenda brendan brett brian bridget britney
brittany bruce bruno bryan byron caitlin calvin cameron camilla candace carl carla carlos carly
carmen carol carole caroline carrie carter casey cassandra catherine cathy cecilia cedric celine
chad charlene charles charlie charlotte chelsea cheryl chester chloe chris christian christina
christine christopher chuck cindy claire clara clarence claude claudia clay clayton cliff
clifford clint clinton cody colin colleen connie connor conor constantin corey craig cristina
curtis cynthia dale dan dana daniel daniela danielle danny daria darius darrell darren daryl
dave david dawn dean debbie deborah debra declan denis denise dennis denys derek desmond devin
diana diane dick diego dimitri dimitris dmitri dmitriy dmitry dominic dominique don donald
donna dora doris dorothy doug douglas duncan dustin dwayne dwight dylan earl ed eddie edgar
edith edmund eduardo edward edwin ehud eileen elaine eleanor elena eli elias elijah elisabeth
elise eliza elizabeth ella ellen elliot elliott elon elsa emil emile emily emma emmanuel emmerson
enda enrique eric erica erik erin ernest ernesto esther ethan eugene eva evan evelyn evgeny
ezra fabian faisal farid farouk fatima fedor felipe felix fernando fidel filip fiona florence
floyd francesca francis francisco franco francois frank frankie franz fred freddie frederick
fyodor gabriel gabriela gabrielle gail gareth garrett gary gavin gene geoffrey george georgina
gerald gerard gerhard gerry gideon gilbert gina giorgio giovanni giuseppe gladys glen glenn
gloria gordon graham grant greg gregory greta guillermo gustavo guy hafez haider hakan
hal hamid hamza hank hannah hans harold harriet harris harrison harry harvey hassan hayley
heather hector heidi heinz helen helena helmut henri henrique henry herbert herman hilary hillary
holly horace howard hugh hugo hussein ian ibrahim igor ihor ilham ilya imran ingrid irene irina
iryna isaac isabel isabella isabelle ismail ivan ivana ivanka jack jackie jackson jacob jacques
jade jaime jake james jamie jan jane janet janice jared jasmine jason javier jay jean jeanne
jeb jeff jeffrey jennifer jenny jeremy jerome jerry jess jesse jessica jesus jill jim jimmy jo
joan joanna joanne joao jodie joe joel johan johann johanna john johnny jon jonathan jordan jorge
jose josef joseph josh joshua joyce juan judith judy julia julian juliana julie julio
junichiro justin justine kaine kamala karen karim karin karl karoline kasim kate katherine
kathleen kathryn kathy katie katrina kay keir keith kelly ken kenneth kenny kevin khaled khalid
khalifa kimberly kirill kirsten kirsty klaus kristen kristin kurt kyle lance lara larry laura
lauren laurence laurent lawrence leah lee leila lena leo leon leonard leonid leslie lewis liam
lily linda lindsay lindsey lisa liz lloyd logan lois lorenzo lori lorraine louis louise luc lucas
lucia luciano lucy luis luigi luiz luke lydia lynn madeleine maggie magnus mahathir mahmoud
maksym malcolm malik mandy manuel marc marcel marco marcus margaret margarita margot maria marian
marianne marie marine mario marion marisa marjorie mark marko marta martha martin marvin mary
mateusz mathew matt matteo matthew matthias maureen maurice max maxim maximilian maya megan
mehmet melania melanie melissa melvin mervyn mia micheal michael michaela michel michele
michelle miguel mikhail mike mikheil milan miles mitch mitchell mohamed mohammad mohammed
mohamad mohsen moira molly monica morgan moshe muhammad muhammadu muammar mustafa mykola nadia
nancy naomi narendra natalia natalie nathan nathaniel neal ned neil nelson nick nicholas nicki
nicola nicolas nicole niall nigel nikita nikki nikolai nikolay nina noah noel nora norman nuri
nursultan oksana olaf oleg oleksandr oleksiy olena olga oliver olivia omar oscar osama otto owen
pablo pamela paolo pascal pat patricia patrick paul paula pauline pavel pavlo pedro peggy penny
petr peter petro petra phil philip philippe phillip pierre piotr preet priscilla priti rachel
rafael ralph ramon ramzan randy raphael raul ray raymond rebecca recep reed reggie reince
renata rene reza rex rhonda ricardo richard rick ricky rishi rita rob robert roberta roberto
robin rocco rod rodney rodrigo roger roland roman ron ronald ronnie rosa rosemary ross roy ruben
ruby rudy rupert ruslan russell ruth ryan sabrina sadiq saif salah salim salman sally salvatore
sam samantha sami samir samuel sandra sandy sanjay sara sarah sasha saul scott sean sebastian
serena serge sergei sergey sergio serhiy sergiy shane shannon sharon shaun shawn sheila sheldon
sherry shinzo shirley sigmar silvio simon simone sofia sonia sophia sophie stacey stan stanley
stefan stella stephan stephanie stephen steve steven stuart sue susan suzanne svetlana sylvia
tamara tammy tanya tara taras tatiana tayyip ted teresa terrence terry thabo theo theodore
theresa thierry thomas tiffany tim timothy tina toby todd tom tommy toni tony tracey tracy travis
trevor troy tyler ulrich ursula uwe vadim vadym valentina valentin valeriy valery vanessa vasyl
vera veronica victor victoria viktor vikram vincent viola violet virginia vitali vitaliy vitaly
vivian vladimir vladislav volodymyr walter wanda warren wayne wendy werner wes wesley whitney
wilbur wilfred william willie wilson winston wolfgang xavier yana yasser luther yevgeny yevgeniy
yehuda yoav yolanda yoshihide youssef yulia yuliya yuri yuriy yury yusuf yves zach zachary zoe
zoran zbigniew
";

/// Short forms of given names, each followed by the full name it stands for (one group a
/// line: `full short short …`). Only pairs a newsroom writes for the same person (`Jim
/// Mattis` = `James Mattis`); ambiguous ones (`Chris`: Christopher, Christine, Christian)
/// are left out.
const NICKNAMES: &str = "
william bill billy will willy
robert bob bobby rob robbie bert
james jim jimmy jamie
michael mike mick mickey
stephen steve stevie steven
david dave davy
thomas tom tommy
richard dick rick ricky rich
joseph joe joey
edward ed eddie ted teddy ned
anthony tony
andrew andy drew
alexander alex sasha
samuel sam
benjamin ben benny
nicholas nick nicky
patrick pat paddy
daniel dan danny
matthew matt
peter pete
timothy tim
jeffrey jeff geoffrey
gregory greg
lawrence larry laurence
gerald jerry gerry
charles chuck charlie
henry hank
frederick fred freddie
elizabeth liz beth betsy betty lizzie
catherine kate katie cathy kathy katherine kathryn
margaret maggie meg peggy
susan sue
jennifer jenny jen
jonathan jon
donald don donny
ronald ron ronnie
raymond ray
walter walt
vladimir vlad
mohammed muhammad mohammad mohamed mohamad
dmitry dmitri dmitriy
alexei alexey aleksei
yevgeny evgeny yevgeniy
sergey sergei
joshua josh
nathaniel nate
kenneth ken kenny
douglas doug
phillip phil philip
";

/// The full given name a short form stands for (`jim` → `james`), or the name itself.
pub fn given_name_root(normed: &str) -> &str {
    static ROOTS: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    let roots = ROOTS.get_or_init(|| {
        let mut roots: FastMap<&'static str, &'static str> = FastMap::default();
        for line in NICKNAMES.lines() {
            let mut names = line.split_whitespace();
            if let Some(full) = names.next() {
                roots.extend(names.map(|short| (short, full)));
            }
        }
        roots
    });
    roots.get(normed).copied().unwrap_or(normed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_ne!(class("the") & STOP, 0);
        assert_ne!(class("russians") & DEMONYM, 0);
        assert_eq!(class("russia") & DEMONYM, 0);
        assert_ne!(class("president") & TITLE, 0);
        assert_ne!(class("keith") & FIRST_NAME, 0);
        assert_ne!(class("council") & ORG_KW, 0);
        assert_eq!(class("zzzz"), 0);
    }

    #[test]
    fn short_given_names_stand_for_the_full_one() {
        assert_eq!(given_name_root("jim"), "james");
        assert_eq!(given_name_root("steve"), "stephen");
        assert_eq!(given_name_root("steven"), "stephen");
        assert_eq!(given_name_root("james"), "james");
        assert_eq!(given_name_root("chris"), "chris");
    }
}
