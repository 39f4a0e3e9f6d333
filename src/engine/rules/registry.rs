//! Every rule of SIP-RULES.md: its id, what the engine does with it, and its sources. A test reads the catalogue
//! and fails if an id there is missing here.

use serde::Serialize;

/// What the engine does with a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Effect {
    /// The step cannot be taken; the engine says why.
    Block,
    /// Shown, step allowed.
    Warn,
    /// A due date the engine computes and tracks.
    Deadline,
    /// Guidance shown at the right moment.
    Info,
    /// Something that must be documented; the engine knows when it is missing.
    Record,
}

/// The five source documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Source {
    /// 000: Västra Götaland, training material on the county guideline (2025).
    VgrUtbildning,
    /// 001: Region Västmanland, page for care providers.
    VastmanlandVardgivare,
    /// 002: Västra Götaland, "SIP som verktyg i samverkan".
    VgrSipSomVerktyg,
    /// 003: SKR, what a SIP is and must contain.
    Skr,
    /// 004: Region Västmanland, SIP-trappan (guidance for SIP in Prator).
    VastmanlandSipTrappan,
}

impl Source {
    pub fn citation_sv(self) -> &'static str {
        match self {
            Source::VgrUtbildning => {
                "Västra Götaland, utbildningsmaterial om länsgemensam riktlinje för SIP"
            }
            Source::VastmanlandVardgivare => {
                "Region Västmanland, information till vårdgivare om SIP"
            }
            Source::VgrSipSomVerktyg => "Västra Götaland, SIP som verktyg i samverkan",
            Source::Skr => "SKR, Samordnad individuell plan",
            Source::VastmanlandSipTrappan => "Region Västmanland, SIP-trappan",
        }
    }

    /// The file number in `shared/seeds/`.
    pub fn seed(self) -> &'static str {
        match self {
            Source::VgrUtbildning => "000",
            Source::VastmanlandVardgivare => "001",
            Source::VgrSipSomVerktyg => "002",
            Source::Skr => "003",
            Source::VastmanlandSipTrappan => "004",
        }
    }
}

/// A rule id of the catalogue (`R-CONS-6`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RuleId(pub &'static str);

impl RuleId {
    pub fn as_str(self) -> &'static str {
        self.0
    }

    pub fn info(self) -> Option<&'static Rule> {
        REGISTRY.iter().find(|r| r.id == self)
    }

    /// "Källa: Region Västmanland, SIP-trappan; Västra Götaland, …".
    pub fn source_sv(self) -> String {
        match self.info() {
            Some(r) => format!(
                "Källa: {}",
                r.sources
                    .iter()
                    .map(|s| s.citation_sv())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            None => String::new(),
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: RuleId,
    pub effects: &'static [Effect],
    pub sources: &'static [Source],
    /// The rule in a line of Swedish.
    pub title_sv: &'static str,
}

use Effect::*;
use Source::*;

macro_rules! rules {
    ($($id:literal [$($e:ident),*] [$($s:ident),*] $t:literal;)*) => {
        pub const REGISTRY: &[Rule] = &[
            $(Rule { id: RuleId($id), effects: &[$($e),*], sources: &[$($s),*], title_sv: $t },)*
        ];
    };
}

rules! {
    // A. Is a SIP needed?
    "R-NEED-1" [Info] [VastmanlandVardgivare, Skr, VastmanlandSipTrappan] "SIP ska erbjudas när personen behöver insatser från både kommun och region.";
    "R-NEED-2" [Warn] [VgrUtbildning, VgrSipSomVerktyg] "Vid utskrivning med insatser från båda huvudmännen ska en SIP alltid erbjudas.";
    "R-NEED-3" [Info, Record] [VastmanlandVardgivare, VgrSipSomVerktyg, VastmanlandSipTrappan] "Tecken på att en SIP behövs; de valda blir initiativets anledning.";
    "R-NEED-4" [Block] [VgrSipSomVerktyg] "Personen eller en närstående kan begära en SIP; ett nej kräver en dokumenterad anledning.";
    "R-NEED-5" [Block, Info] [VgrUtbildning, VastmanlandSipTrappan] "Vid öppen psykiatrisk tvångsvård (LPT) eller rättspsykiatrisk vård (LRV) görs en samordnad vårdplan, inte en SIP.";
    "R-NEED-6" [Record] [VastmanlandSipTrappan] "En befintlig plan som uppfyller kraven kan användas; det ska dokumenteras.";
    "R-NEED-7" [Info] [VgrUtbildning, Skr] "SIP är för alla, oavsett ålder, diagnos eller funktionsnedsättning.";
    "R-NEED-8" [Deadline, Warn] [VastmanlandVardgivare, VgrSipSomVerktyg, VastmanlandSipTrappan] "Starta utan dröjsmål; i Västra Götaland bör SIP-mötet hållas inom tre veckor.";
    "R-NEED-9" [Block] [VgrUtbildning, VgrSipSomVerktyg] "Processen startas och drivs av en verksamhet hos kommun eller region.";
    "R-NEED-10" [Info] [VgrUtbildning, VastmanlandSipTrappan] "En SIP är kostnadsfri för personen.";
    // B. Consent
    "R-CONS-1" [Block] [VgrSipSomVerktyg, Skr] "Samtycke krävs i två delar: informationsutbyte och att en SIP upprättas.";
    "R-CONS-2" [Record, Block] [VgrSipSomVerktyg] "Samtycket kan vara skriftligt, muntligt eller ett annat tecken; presumerat endast där det är tillåtet.";
    "R-CONS-3" [Block] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Samtycket anger vilka som får ta del av vilken information.";
    "R-CONS-4" [Deadline, Warn, Block] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Samtycket gäller högst ett år och kan återkallas när som helst.";
    "R-CONS-5" [Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Personens ställningstagande dokumenteras; ett nej avslutar processen utan plan.";
    "R-CONS-6" [Block, Record] [VgrUtbildning, VgrSipSomVerktyg, VastmanlandSipTrappan] "För barn samtycker vårdnadshavare, och med två vårdnadshavare måste båda samtycka; barnets röst förs fram.";
    "R-CONS-7" [Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Vid nedsatt beslutsförmåga kan en företrädare samtycka.";
    "R-CONS-8" [Record] [VastmanlandSipTrappan] "Ett återkallat samtycke avslutar SIP:en; planen makuleras och alla parter informeras.";
    "R-CONS-9" [Record] [VgrSipSomVerktyg] "En ny SIP-process kräver ett nytt samtycke.";
    "R-CONS-10" [Block] [VgrSipSomVerktyg] "Ett digitalt möte kräver personens samtycke.";
    "R-CONS-11" [Block] [VastmanlandSipTrappan] "Andra aktörer bjuds in och tas med i planen endast med personens samtycke.";
    "R-CONS-12" [Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Personen har rätt till tolk; informationen anpassas.";
    // C. Preparation and initiative
    "R-INIT-1" [Deadline, Block] [VastmanlandSipTrappan] "Mottagaren kvitterar eller nekar inom en arbetsdag; ett nej anger vilken enhet som ska få initiativet.";
    "R-INIT-2" [Info] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Vart initiativet skickas: enheter med pågående kontakt, annars vårdcentral eller kommunens grundansvariga enhet.";
    "R-INIT-3" [Warn] [VastmanlandSipTrappan] "Anledningen är kort; inga journaler eller utredningar bifogas.";
    "R-INIT-4" [Record] [VastmanlandSipTrappan] "Den enhet som tar initiativet förbereder, är samordningsansvarig och leder första mötet.";
    "R-INIT-5" [Info, Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Förberedelse med personen: vilka som är viktiga, syfte och frågor, långsiktigt mål, delaktighet.";
    "R-INIT-6" [Record] [VastmanlandSipTrappan] "Brådskandegraden bedöms och anges.";
    "R-INIT-7" [Record] [VastmanlandSipTrappan] "Informationsmeddelanden mellan deltagarna.";
    "R-INIT-8" [Info] [VgrUtbildning, VgrSipSomVerktyg] "En kallad enhet som inte är rätt letar upp rätt enhet inom sin huvudman, annars deltar den själv.";
    // D. Kallelse
    "R-KALL-1" [Block] [VgrSipSomVerktyg] "Kallelsen anger syftet, personens långsiktiga mål och frågorna som ska tas upp.";
    "R-KALL-2" [Record, Block] [VgrSipSomVerktyg] "Tid och plats bestäms med personen; hur personen och närstående deltar dokumenteras.";
    "R-KALL-3" [Deadline, Block] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Kallade enheter kvitterar inom en arbetsdag och anger vem som kommer.";
    "R-KALL-4" [Info] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Kallade ska delta; övriga bjuds in, med brev när de saknar tillgång till IT-stödet.";
    "R-KALL-5" [Deadline] [VgrSipSomVerktyg] "Vid utskrivning skickas kallelsen senast tre kalenderdagar efter att personen är utskrivningsklar.";
    "R-KALL-6" [Info] [VastmanlandSipTrappan] "Inför mötet samlar varje kallad part nuläge, resultat av insatser, planer och mandat.";
    "R-KALL-7" [Info] [VgrSipSomVerktyg] "Ta muntlig kontakt med de berörda innan kallelsen skickas.";
    // E. The meeting and the plan
    "R-PLAN-1" [Block] [VgrSipSomVerktyg, Skr, VastmanlandSipTrappan] "Planen innehåller behov, mål, insatser med ansvarig, vad personen gör själv, kontaktpersoner, huvudansvarig och uppföljning.";
    "R-PLAN-2" [Warn] [VastmanlandSipTrappan] "Ett mål börjar med personens namn och vill/ska/får/kommer att.";
    "R-PLAN-3" [Warn] [VgrSipSomVerktyg] "En insats är konkret: när den börjar, hur ofta, var och av vem.";
    "R-PLAN-4" [Block] [VgrSipSomVerktyg] "Ingen verksamhet beslutar om en annan verksamhets insatser.";
    "R-PLAN-5" [Record] [VgrSipSomVerktyg] "Oenighet skrivs in i planen.";
    "R-PLAN-6" [Block] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Nästa möte bokas på mötet: datum och plats för uppföljning.";
    "R-PLAN-7" [Deadline] [VastmanlandSipTrappan] "Planen upprättas i IT-stödet inom två arbetsdagar efter mötet.";
    "R-PLAN-8" [Info] [VastmanlandSipTrappan] "Mötets gång: ramar, syfte och frågor, hjälp, mål, hur vi når dit, sammanfattning.";
    "R-PLAN-9" [Info] [VgrSipSomVerktyg] "Planen är personlig och lätt att förstå; dokumentera gärna på stor skärm.";
    "R-PLAN-10" [Block, Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Samordningsansvarig signerar, deltagarna redigerar, samordningsansvarig låser.";
    "R-PLAN-11" [Info] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Personen och de personen godkänner får en kopia och allas kontaktuppgifter.";
    "R-PLAN-12" [Record] [VgrSipSomVerktyg] "Huvudansvarig väljs på mötet och kallar till uppföljning.";
    "R-PLAN-13" [Info] [VgrSipSomVerktyg, VastmanlandSipTrappan] "En SIP ersätter inte verksamheternas egen dokumentation.";
    "R-PLAN-14" [Info] [VgrSipSomVerktyg, VastmanlandSipTrappan] "KVÅ: AU124 upprättande, AU125 vid utskrivning, AW010 uppföljning.";
    "R-PLAN-15" [Info] [VastmanlandSipTrappan] "Den överenskomna planen finns kvar i tio år innan den arkiveras.";
    "R-PLAN-16" [Record] [VastmanlandSipTrappan] "En person utan personnummer får också en SIP.";
    // F. Follow-up
    "R-UPP-1" [Deadline, Warn] [VgrSipSomVerktyg, VastmanlandSipTrappan] "En SIP följs alltid upp, på den tid och plats som bestämdes.";
    "R-UPP-2" [Record, Block] [VastmanlandSipTrappan] "Varje aktivitet följs upp med status och kommentar.";
    "R-UPP-3" [Info] [VgrSipSomVerktyg] "Uppföljningen tar upp mål, nya omständigheter, genomförda insatser, effekt och nya behov.";
    "R-UPP-4" [Record] [VgrSipSomVerktyg, VastmanlandSipTrappan] "Ett nytt möte makulerar planens tidigare version och skapar en ny; historiken finns kvar.";
    "R-UPP-5" [Info] [VgrSipSomVerktyg] "Ändras livet väsentligt kallar huvudansvarig till möte tidigare.";
    "R-UPP-6" [Record] [VastmanlandSipTrappan] "Samordningsansvarig kontrollerar att de andras aktiviteter är dokumenterade.";
    // G. Closing
    "R-AVSL-1" [Record, Block] [VgrSipSomVerktyg, VastmanlandSipTrappan] "En SIP avslutas med en anledning.";
    "R-AVSL-2" [Record] [VastmanlandSipTrappan] "Vid avslut dokumenteras vilka som deltog i beslutet och en kommentar.";
    "R-AVSL-3" [Info] [VgrSipSomVerktyg] "Alla informeras när SIP:en upphör; personen får veta vart hen vänder sig.";
    // H. Admission and discharge
    "R-UTSK-1" [Record] [VgrSipSomVerktyg] "Vid inskrivning underrättar slutenvården enheterna om insatser kan behövas.";
    "R-UTSK-2" [Info] [VgrSipSomVerktyg] "En befintlig SIP vid inskrivning följs upp och revideras, eller avslutas och startas om.";
    "R-UTSK-3" [Deadline] [VgrSipSomVerktyg] "Kallelse inom tre kalenderdagar efter utskrivningsklar.";
    "R-UTSK-4" [Warn] [VgrSipSomVerktyg] "Regionens öppenvård deltar i SIP-mötet vid utskrivning.";
    "R-UTSK-5" [Record] [VgrSipSomVerktyg] "Utan behov från båda huvudmännen efter utskrivning behövs ingen SIP; det meddelas alla enheter.";
    // I. Roles
    "R-ROLE-1" [Info] [VastmanlandSipTrappan] "Samordningsansvarigas uppgifter.";
    "R-ROLE-2" [Record, Block] [VastmanlandSipTrappan] "Slutar samordningsansvarig utser huvudmannen en ny; historiken finns kvar.";
    "R-ROLE-3" [Record] [VgrSipSomVerktyg] "Vem som dokumenterar bestäms i förväg.";
    // J. Quality and statistics
    "R-STAT-1" [Info] [VgrUtbildning] "Följsamhet, avvikelser och antal SIP följs upp varje år.";
    "R-STAT-2" [Info] [VastmanlandVardgivare, VastmanlandSipTrappan] "SIP-kollen: en anonym enkät efter mötet.";
    "R-STAT-3" [Record] [VgrUtbildning] "Avvikelser i samverkan rapporteras; missade tidsgränser är kandidater.";
    "R-STAT-4" [Record] [VastmanlandSipTrappan] "Händelser och påminnelser i IT-stödet.";
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().find(|r| r.id.0 == id)
}
