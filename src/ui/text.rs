//! Swedish UI text, kept together so a later language pack replaces one module. Engine explanations carry their
//! own Swedish messages (`message_sv`); these are the shell's words.

pub const APP_NAME: &str = "SIP-planen";
/// Who the event log names for changes made on this device.
pub const ACTOR: &str = "Samordnare på den här enheten";
pub const TAGLINE: &str = "Samordnad individuell plan";
/// A new deployment is installed (index.html's service-worker script shows it; the app has saved what was typed).
pub const UPDATE_READY: &str = "En ny version finns. ";
pub const UPDATE_RELOAD: &str = "Ladda om";
pub const SKIP_LINK: &str = "Hoppa till innehållet";

pub const NAV_LABEL: &str = "Huvudmeny";
pub const NAV_ATT_GORA: &str = "Att göra";
pub const NAV_CASES: &str = "Ärenden";
pub const NAV_NEW_CASE: &str = "Nytt ärende";
pub const NAV_SETTINGS: &str = "Inställningar";
pub const LOCK: &str = "Lås";
pub const FOOTER_A11Y: &str = "Tillgänglighetsredogörelse";
pub const FOOTER_NOTE: &str = "Uppgifterna sparas krypterade på den här enheten.";

pub const STARTING: &str = "Startar SIP-planen…";
pub const UNAVAILABLE_TITLE: &str = "SIP-planen kan inte fortsätta";

pub const SETUP_TITLE: &str = "Välj en lösenfras";
pub const SETUP_INTRO: &str = "SIP-planen sparar ärendena krypterade på den här enheten. Välj en lösenfras som bara du känner till. Den behövs varje gång du låser upp.";
pub const SETUP_WARNING: &str = "Viktigt: lösenfrasen sparas inte någonstans. Glömmer du den kan uppgifterna inte läsas av någon, inte heller av support.";
pub const SETUP_PASS: &str = "Lösenfras";
/// The number is `store::MIN_PASSPHRASE_CHARS` (a native test keeps them together).
pub const SETUP_PASS_HINT: &str =
    "Minst 12 tecken, gärna några ord som bara du kan koppla ihop. Inte ett och samma tecken upprepat.";
pub const SETUP_REPEAT: &str = "Upprepa lösenfrasen";
pub const SETUP_SUBMIT: &str = "Skapa och lås upp";
pub const SETUP_WORKING: &str = "Skapar nyckel…";

pub const UNLOCK_TITLE: &str = "Lås upp SIP-planen";
pub const UNLOCK_INTRO: &str = "Ärendena är krypterade. Ange din lösenfras för att läsa dem.";
pub const UNLOCK_PASS: &str = "Lösenfras";
pub const USER_NAME: &str = "Ditt namn";
pub const UNLOCK_NAME_HINT: &str =
    "Som det står under Inställningar → Användare. Behövs inte när enheten har en enda användare.";
pub const SETUP_NAME_HINT: &str = "Står i ärendenas logg vid det du gör. Du blir administratör och lägger till fler användare under Inställningar. Utan namn heter du Administratör.";
pub const USERS_MIGRATED: &str = "SIP-planen har nu användare: du är enhetens första, och administratör, med samma lösenfras. Fler användare lägger du till under Inställningar → Användare.";
pub const UNLOCK_SUBMIT: &str = "Lås upp";
pub const UNLOCK_WORKING: &str = "Låser upp…";
pub const LOCKED_IDLE: &str = "SIP-planen låstes efter en stund utan aktivitet.";
pub const LOCKED_OTHER_TAB: &str =
    "SIP-planen låstes i en annan flik. Alla flikar låses samtidigt.";
pub const LOCKING: &str = "Sparar och låser SIP-planen…";
pub const UNREADABLE_ONE: &str = "Ett ärende kunde inte läsas: posten är skadad eller har ändrats utanför SIP-planen. Den finns kvar orörd på enheten så att den kan återställas från en säkerhetskopia. Övriga ärenden kan användas som vanligt.";
pub const UNREADABLE_MANY: &str = "ärenden kunde inte läsas: posterna är skadade eller har ändrats utanför SIP-planen. De finns kvar orörda på enheten så att de kan återställas från en säkerhetskopia. Övriga ärenden kan användas som vanligt.";
pub const UNSAVED_LEAVE: &str = "Det finns ändringar som inte är sparade.";
pub const CONFLICT_TITLE: &str = "Ärendet ändrades i en annan flik";
pub const CONFLICT_DELETED: &str = "Ärendet finns inte längre sparat.";
pub const CONFLICT_KEEP: &str = "Spara min version";
pub const CONFLICT_THEIRS: &str = "Använd den andra flikens version";
pub const STALE: &str = "Det här ärendet har sparats i en annan flik sedan du öppnade det här.";
pub const STALE_RELOAD: &str = "Visa den sparade versionen";

pub const CASES_TITLE: &str = "Ärenden";
pub const CASES_SEARCH: &str = "Sök på namn eller personnummer";
pub const CASES_EMPTY: &str = "Inga ärenden ännu.";
pub const CASES_NO_MATCH: &str = "Inga ärenden matchar sökningen.";
pub const COL_NAME: &str = "Namn";
pub const COL_IDENTITY: &str = "Identitet";
pub const COL_PHASE: &str = "Fas";
pub const COL_CHANGED: &str = "Senast ändrad";

pub const NEW_TITLE: &str = "Nytt ärende";
pub const NEW_INTRO: &str = "Registrera personen som behöver samordnade insatser. En person utan personnummer får också en SIP.";
pub const FIELD_NAME: &str = "Namn";
pub const FIELD_ID_KIND: &str = "Typ av identitet";
pub const FIELD_ID: &str = "Nummer";
pub const FIELD_ID_HINT: &str =
    "10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN. Plustecken för den som fyllt 100.";
pub const FIELD_KOMMUN: &str = "Kommun";
pub const FIELD_PROFILE: &str = "Regional profil";
pub const FIELD_LANGUAGE: &str = "Språk";
pub const FIELD_INTERPRETER: &str = "Behöver tolk";
pub const NEW_SUBMIT: &str = "Registrera";
pub const FORM_ERRORS: &str = "Rätta följande:";
pub const CHOOSE: &str = "Välj …";

/// The page title of a case's screens ("Översikt – Ärende – SIP-planen"): no name or number in titles.
pub const CASE_TITLE: &str = "Ärende";
pub const CASE_UNOPENABLE: &str =
    "Ärendet kunde inte läsas: posten är skadad eller har ändrats utanför SIP-planen.";
pub const INDEX_FAILED: &str = "ärenderegistret kunde inte byggas";
pub const CASE_UNOPENABLE_KEPT: &str =
    "Posten finns kvar orörd på enheten så att ärendet kan återställas från en säkerhetskopia.";
pub const CASE_OPENING: &str = "Öppnar ärendet …";
pub const CASE_NOT_FOUND: &str = "Ärendet finns inte.";
pub const CASE_PERSON: &str = "Person";
pub const CASE_AGE: &str = "Ålder";
pub const CASE_CHILD: &str = "Barn";
pub const CASE_PHASE: &str = "Fas";
pub const CASE_CREATED: &str = "Skapat";
pub const CASE_CHANGED: &str = "Ändrat";
pub const CASE_DETAILS: &str = "Uppgifter";
pub const CASE_BACK: &str = "Till ärendelistan";

pub const SAVED: &str = "Sparat";
pub const SAVING: &str = "Sparar…";
pub const RETRY: &str = "Försök igen";
pub const NOT_SAVED_CONFLICT: &str = "Inte sparat: ändrat i en annan flik";

pub const SETTINGS_TITLE: &str = "Inställningar";
pub const SETTINGS_INTRO: &str =
    "Inställningarna gäller den här webbläsaren. De innehåller inga uppgifter om personer.";
pub const SETTINGS_PROFILE_HINT: &str = "Används för nya ärenden. Kan ändras per ärende.";
pub const SETTINGS_TEXT_SIZE: &str = "Textstorlek";
pub const SETTINGS_AUTOLOCK: &str = "Lås automatiskt efter";
pub const SETTINGS_SAVED: &str = "Inställningen är sparad.";
pub const STORAGE_TITLE: &str = "Lagring på den här enheten";
pub const STORAGE_KEPT: &str =
    "Webbläsaren har lovat att behålla uppgifterna (beständig lagring): de raderas inte för att frigöra utrymme.";
pub const STORAGE_NOT_KEPT: &str = "Webbläsaren har inte lovat att behålla uppgifterna: den kan radera dem om enheten får ont om utrymme. Installera SIP-planen på enheten (Lägg till på hemskärmen) så ökar chansen att den gör det.";
pub const STORAGE_UNKNOWN: &str = "Webbläsaren berättar inte om uppgifterna behålls.";
pub const STORAGE_FULL_SOON: &str = "Lagringsutrymmet börjar ta slut. Frigör utrymme på enheten innan fler ärenden skrivs, annars kan ändringar inte sparas.";
/// Warn when this share of the browser's quota for the site is used.
pub const STORAGE_WARN_PERCENT: u64 = 80;

pub const BACKUP_TITLE: &str = "Säkerhetskopia";
pub const BACKUP_INTRO: &str = "Ärendena finns bara på den här enheten. En säkerhetskopia är alla ärenden i en krypterad fil med en egen lösenfras. Förvara filen och lösenfrasen åtskilda.";
pub const BACKUP_LOCKED: &str = "Lås upp SIP-planen först.";
pub const BACKUP_OPEN: &str = "Öppna säkerhetskopiering och återställning";
/// The tools loaded when opened (src/verktyg): when one cannot be loaded, and what their page says on its own.
pub const TOOLS_FAILED: &str = "Det gick inte att öppna. Ladda om sidan och försök igen.";
pub const TOOLS_OPEN_IN_APP: &str = "Säkerhetskopiering öppnas under Inställningar i SIP-planen, och delning med personen under Möte och plan.";
pub const BACKUP_MAKE: &str = "Säkerhetskopiera";
pub const BACKUP_PASS: &str = "Lösenfras för säkerhetskopian";
pub const BACKUP_PASS_HINT: &str =
    "Minst 12 tecken. Den behövs för att återställa – utan den går filen inte att läsa.";
pub const BACKUP_PASS_AGAIN: &str = "Samma lösenfras igen";
pub const USERS_TITLE: &str = "Användare";
pub const USERS_INTRO: &str = "Vilka som får använda enheten bestäms av enhetens chef. En administratör lägger till och tar bort användare; var och en byter sin egen lösenfras. Ärendena krypteras inte om.";
pub const USERS_OPEN: &str = "Öppna användare och lösenfraser";
pub const USERS_LIST: &str = "Användare på den här enheten";
pub const USERS_NAME: &str = "Namn";
pub const USERS_ROLE: &str = "Roll";
pub const USERS_ACTIONS: &str = "Ändra";
pub const USERS_ADMIN: &str = "Administratör";
pub const USERS_PLAIN: &str = "Användare";
pub const USERS_YOU: &str = " (du)";
pub const USERS_MAKE_ADMIN: &str = "Gör till administratör";
pub const USERS_UNMAKE_ADMIN: &str = "Ta bort administratörsrätten";
pub const USERS_REMOVE: &str = "Ta bort";
pub const USERS_ADD: &str = "Lägg till användare";
pub const USERS_NEW_PASS: &str = "Första lösenfras för användaren";
pub const USERS_NEW_PASS_HINT: &str =
    "Minst 12 tecken. Säg den till användaren, som sedan byter den själv.";
pub const USERS_NEW_AGAIN: &str = "Samma lösenfras igen";
pub const USERS_CONFIRM: &str = "Din egen lösenfras (bekräftar ändringen)";
pub const USERS_CHANGE: &str = "Byt din lösenfras";
pub const USERS_CURRENT: &str = "Nuvarande lösenfras";
pub const USERS_NEXT: &str = "Ny lösenfras";
pub const USERS_NEXT_HINT: &str = "Minst 12 tecken, gärna några ord som bara du kan koppla ihop.";
pub const USERS_NEXT_AGAIN: &str = "Den nya lösenfrasen igen";
pub const USERS_CHANGED: &str = "Din lösenfras är bytt. Använd den nya nästa gång du låser upp.";
pub const USERS_ONLY_ADMIN: &str = "Bara en administratör kan lägga till och ta bort användare.";
pub const AUDIT_TITLE: &str = "Granskningslogg";
pub const AUDIT_INTRO: &str = "Vem som har öppnat, ändrat, skrivit ut, delat, säkerhetskopierat och återställt ärenden, och misslyckade upplåsningar. Loggen är krypterad, kan inte ändras utan att det syns och sparas i minst fem år.";
pub const AUDIT_OPEN: &str = "Visa granskningsloggen";
pub const AUDIT_CASE: &str = "Ärende";
pub const AUDIT_ALL_CASES: &str = "Alla ärenden och enheten";
pub const AUDIT_FILTERS: &str = "Avgränsa loggen";
pub const AUDIT_USER: &str = "Användare";
pub const AUDIT_ALL_USERS: &str = "Alla användare";
pub const AUDIT_FROM: &str = "Från och med datum";
pub const AUDIT_TO: &str = "Till och med datum";
pub const AUDIT_SHOW: &str = "Visa";
pub const AUDIT_CSV: &str = "Ladda ner som CSV";
pub const AUDIT_CSV_DONE: &str = "CSV-filen är nedladdad.";
pub const RESTORE_TITLE: &str = "Återställ";
pub const RESTORE_FILE: &str = "Fil med säkerhetskopia";
pub const RESTORE_PASS: &str = "Säkerhetskopians lösenfras";
pub const RESTORE_READ: &str = "Läs säkerhetskopian";
pub const RESTORE_NO_FILE: &str = "Välj filen med säkerhetskopian.";
pub const RESTORE_CLASHES: &str = "Ärenden som finns både på enheten och i filen";
pub const RESTORE_CLASH_HINT: &str = "De är olika. Välj vad som ska gälla för dem.";
pub const RESTORE_CANCEL: &str = "Avbryt";

pub const CRASH_TITLE: &str = "Något gick fel";
pub const CRASH_TEXT: &str =
    "SIP-planen stötte på ett fel och behöver laddas om. Det som redan var sparat finns kvar.";
pub const CRASH_RELOAD: &str = "Ladda om";

pub const BOARD_WINDOW_TITLE: &str = "Storskärm";
pub const BOARD_WAITING: &str = "Väntar på planen…";
pub const BOARD_BAD_ADDRESS: &str = "Adressen till storskärmen är fel";
pub const BOARD_HOW: &str =
    "Öppna SIP-mötet i SIP-planen i den här webbläsaren och välj \"Öppna storskärm\" där.";
pub const BOARD_FULLSCREEN: &str = "Helskärm";
pub const BOARD_OPEN: &str = "Öppna storskärm";
pub const BOARD_HERE: &str = "Visa på den här skärmen";
pub const BOARD_BACK: &str = "Tillbaka till redigeringen";
