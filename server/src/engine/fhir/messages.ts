// The FHIR validator's sentences in English and Norwegian bokmål. `{0}` is the element path.

import { defineMessages, type MessageKey } from '../../../../shared/messages';

export const fhirMessages = defineMessages('fhir', {
  'json-syntax': { en: 'JSON syntax error: {0}', nb: 'Syntaksfeil i JSON: {0}' },
  'unknown-resource-type': { en: "'{0}' is not a FHIR R4 resource type", nb: "'{0}' er ikke en ressurstype i FHIR R4" },
  'missing-resource-type': { en: '{0}: a resource needs a resourceType', nb: '{0}: en ressurs må ha resourceType' },
  'unknown-element': { en: "{0}: unknown element '{1}' (not in {2})", nb: "{0}: ukjent element '{1}' (finnes ikke i {2})" },
  'unknown-element-hint': {
    en: "{0}: unknown element '{1}' (not in {2}; did you mean '{3}'?)",
    nb: "{0}: ukjent element '{1}' (finnes ikke i {2}; mente du '{3}'?)",
  },
  'too-few': { en: "{0}: '{1}' is required (minimum {2}, found {3})", nb: "{0}: '{1}' er påkrevd (minst {2}, fant {3})" },
  'too-many': { en: '{0}: at most {1} allowed, found {2}', nb: '{0}: høyst {1} tillatt, fant {2}' },
  'not-array': { en: '{0}: repeats (max {1}), so JSON needs an array', nb: '{0}: kan gjentas (maks {1}), så JSON krever en liste' },
  'not-single': {
    en: '{0}: occurs at most once, so JSON needs a single value, not an array',
    nb: '{0}: forekommer høyst én gang, så JSON krever én verdi, ikke en liste',
  },
  'wrong-json-type': { en: '{0}: {1} must be a JSON {2}, found {3}', nb: '{0}: {1} må være JSON {2}, fant {3}' },
  'xml-value-on-complex': { en: '{0}: {1} has child elements, not a value attribute', nb: '{0}: {1} har barneelementer, ikke et value-attributt' },
  'xml-order': {
    en: "{0}: '{1}' must come before '{2}' (FHIR XML keeps the definition's order)",
    nb: "{0}: '{1}' må komme før '{2}' (FHIR-XML følger rekkefølgen i definisjonen)",
  },
  'bad-format': { en: "{0}: '{1}' is not a valid {2}", nb: "{0}: '{1}' er ikke gyldig {2}" },
  'empty-element': { en: '{0}: an element must have a value or children', nb: '{0}: et element må ha en verdi eller barn' },
  'not-in-value-set': { en: "{0}: '{1}' is not in the required value set {2} ({3})", nb: "{0}: '{1}' er ikke i det påkrevde verdisettet {2} ({3})" },
  'coding-not-in-value-set': {
    en: '{0}: no coding is in the required value set {1} (found {2})',
    nb: '{0}: ingen koding er i det påkrevde verdisettet {1} (fant {2})',
  },
  'fixed-value': { en: '{0}: must be exactly {1}', nb: '{0}: må være nøyaktig {1}' },
  'pattern-value': { en: '{0}: must match the pattern {1}', nb: '{0}: må samsvare med mønsteret {1}' },
  invariant: { en: '{0}: {1} ({2})', nb: '{0}: {1} ({2})' },
  'not-evaluated': {
    en: '{0} FHIRPath invariant(s) could not be evaluated here and were not checked: {1}',
    nb: '{0} FHIRPath-invariant(er) kunne ikke evalueres her og ble ikke kontrollert: {1}',
  },
  'use-code': { en: "Change to '{0}'", nb: "Endre til '{0}'" },
  'invalid-nin': { en: '{0}: {1} is not a valid {2}', nb: '{0}: {1} er ikke et gyldig {2}' },
  'nin-kind-mismatch': { en: '{0}: {1} is a {2}, but the system {3} is for {4}', nb: '{0}: {1} er et {2}, men systemet {3} er for {4}' },
  'unknown-profile': {
    en: "Profile '{0}' was not found (workspace, nhn.fhir.packagePaths, ~/.fhir/packages): validated against base R4 only",
    nb: "Profilen '{0}' ble ikke funnet (arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): kun validert mot R4-basen",
  },
  'unknown-global-profile': {
    en: "Profile '{0}', which the ImplementationGuide '{1}' applies to every resource of this type, was not found: it has not been checked",
    nb: "Profilen '{0}', som implementasjonsguiden '{1}' bruker på alle ressurser av denne typen, ble ikke funnet: den er ikke kontrollert",
  },
  'profile-limits': { en: "Profile '{0}': {1}", nb: "Profilen '{0}': {1}" },
  'slice-min': { en: "{0}: slice '{1}' is required (minimum {2}, found {3})", nb: "{0}: snittet '{1}' er påkrevd (minst {2}, fant {3})" },
  'slice-max': { en: "{0}: slice '{1}' allows at most {2}, found {3}", nb: "{0}: snittet '{1}' tillater høyst {2}, fant {3}" },
  'unknown-extension': {
    en: "Extension definition '{0}' was not found (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): its value and parts are not checked",
    nb: "Utvidelsesdefinisjonen '{0}' ble ikke funnet (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): verdien og delene kontrolleres ikke",
  },
  'unknown-modifier-extension': {
    en: "{0}: modifier extension '{1}' has no definition here (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages); a system must not ignore a modifier extension it does not know",
    nb: "{0}: modifikatorutvidelsen '{1}' har ingen definisjon her (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages); et system skal ikke ignorere en modifikatorutvidelse det ikke kjenner",
  },
  'extension-context': {
    en: "{0}: extension '{1}' is not defined for use on {2} (context: {3})",
    nb: "{0}: utvidelsen '{1}' er ikke definert for bruk på {2} (kontekst: {3})",
  },
  'unknown-sub-extension': {
    en: "{0}: '{1}' is not a part of extension '{2}' (parts: {3})",
    nb: "{0}: '{1}' er ikke en del av utvidelsen '{2}' (deler: {3})",
  },
  'not-modifier': {
    en: "{0}: extension '{1}' is not a modifier extension: it belongs in 'extension', not 'modifierExtension'",
    nb: "{0}: utvidelsen '{1}' er ikke en modifikatorutvidelse: den hører hjemme i 'extension', ikke 'modifierExtension'",
  },
  'is-modifier': {
    en: "{0}: extension '{1}' is a modifier extension (it changes the meaning of its element): it belongs in 'modifierExtension'",
    nb: "{0}: utvidelsen '{1}' er en modifikatorutvidelse (den endrer betydningen av elementet): den hører hjemme i 'modifierExtension'",
  },
  'extension-too-many': {
    en: "{0}: extension '{1}' may occur at most {2} time(s) here, found {3}",
    nb: "{0}: utvidelsen '{1}' kan forekomme høyst {2} gang(er) her, fant {3}",
  },
  'wrong-type': { en: '{0}: type {1} is not allowed here (allowed: {2})', nb: '{0}: typen {1} er ikke tillatt her (tillatt: {2})' },
  'extension-url-not-absolute': {
    en: "{0}: extension url '{1}' must be absolute (a relative url names a part of a complex extension, and this extension is in none)",
    nb: "{0}: utvidelsens url '{1}' må være absolutt (en relativ url navngir en del av en kompleks utvidelse, og denne utvidelsen står ikke i noen)",
  },
  'bundle-no-full-url': {
    en: '{0}: every entry needs a fullUrl, the identity of its resource (only transactions and batches may leave it out)',
    nb: '{0}: hver oppføring trenger en fullUrl, identiteten til ressursen (bare transaksjoner og batcher kan utelate den)',
  },
  'bundle-full-url-relative': { en: "{0}: the fullUrl must be an absolute URL, not '{1}'", nb: "{0}: fullUrl må være en absolutt URL, ikke '{1}'" },
  'bundle-full-url-no-id': {
    en: "{0}: the fullUrl '{1}' looks like a RESTful server URL, but the resource has no id",
    nb: "{0}: fullUrl '{1}' ser ut som en RESTful server-URL, men ressursen har ingen id",
  },
  'bundle-full-url-mismatch': {
    en: "{0}: the fullUrl '{1}' looks like a RESTful server URL, so it must end with the resource's type and id ({2})",
    nb: "{0}: fullUrl '{1}' ser ut som en RESTful server-URL, så den må slutte med ressursens type og id ({2})",
  },
  'bundle-ref-multiple': {
    en: "{0}: the reference '{1}' matches {2} entries in the Bundle (same fullUrl and version); it must match one",
    nb: "{0}: referansen '{1}' passer med {2} oppføringer i Bundle (samme fullUrl og versjon); den må passe med én",
  },
  'bundle-ref-wrong-type': {
    en: "{0}: the reference '{1}' resolves in the Bundle to a {2}, not the resource type it names",
    nb: "{0}: referansen '{1}' peker i Bundle på en {2}, ikke ressurstypen den navngir",
  },
  'bundle-ref-not-found': {
    en: "{0}: '{1}' is not found in the Bundle (the Composition's and MessageHeader's references must resolve inside it)",
    nb: "{0}: '{1}' finnes ikke i Bundle (referansene fra Composition og MessageHeader må peke inn i den)",
  },
  'bundle-ref-apparent': {
    en: "{0}: '{1}' is not found in the Bundle: an entry has that type and id (fullUrl {2}), but a relative reference resolves against the referring entry's fullUrl ({3})",
    nb: "{0}: '{1}' finnes ikke i Bundle: en oppføring har den typen og id-en (fullUrl {2}), men en relativ referanse løses mot fullUrl til oppføringen som refererer ({3})",
  },
  'mr-group-wrong-code': {
    en: "{0}: the group's code {1} is not the Measure's group code {2}",
    nb: '{0}: gruppens kode {1} er ikke Measure-gruppens kode {2}',
  },
  'mr-group-no-code': {
    en: '{0}: the Measure has several groups, so each report group needs a code',
    nb: '{0}: Measure har flere grupper, så hver rapportgruppe trenger en kode',
  },
  'mr-group-unknown-code': { en: '{0}: no group of the Measure has the code {1}', nb: '{0}: ingen gruppe i Measure har koden {1}' },
  'mr-group-missing': { en: '{0}: the Measure group {1} is not reported', nb: '{0}: Measure-gruppen {1} er ikke rapportert' },
  'mr-no-code': { en: '{0}: a code is needed to match this to the Measure', nb: '{0}: en kode trengs for å koble dette til Measure' },
  'mr-duplicate': { en: '{0}: {1} is reported more than once', nb: '{0}: {1} er rapportert mer enn én gang' },
  'mr-population-unknown-code': {
    en: "{0}: the population code {1} has no match in the Measure's group",
    nb: '{0}: populasjonskoden {1} har ingen treff i Measure-gruppen',
  },
  'mr-stratifier-unknown-code': {
    en: "{0}: the stratifier code {1} has no match in the Measure's group",
    nb: '{0}: stratifiseringskoden {1} har ingen treff i Measure-gruppen',
  },
  'mr-missing': { en: "{0}: the Measure's {1} is missing from this group", nb: '{0}: {1} fra Measure mangler i denne gruppen' },
  'mr-count-mismatch': { en: '{0}: count is {1}, but {2} subjectResults are listed', nb: '{0}: count er {1}, men {2} subjectResults er listet' },
  'mr-subjects-not-listed': {
    en: "{0}: subjectResults belong only in reports of type 'subject-list' (this one is '{1}')",
    nb: "{0}: subjectResults hører bare hjemme i rapporter av typen 'subject-list' (denne er '{1}')",
  },
  'mr-score-prohibited': { en: '{0}: no measureScore with {1}', nb: '{0}: ingen measureScore med {1}' },
  'mr-score-required': { en: '{0}: a measureScore is required when the scoring is {1}', nb: '{0}: measureScore er påkrevd når scoring er {1}' },
  'mr-score-value-required': { en: '{0}: the measureScore needs a value when the scoring is {1}', nb: '{0}: measureScore trenger en verdi når scoring er {1}' },
  'mr-score-unit': { en: '{0}: a proportion score is a number without unit', nb: '{0}: en andelsscore er et tall uten enhet' },
  'mr-score-range': { en: '{0}: a proportion score is between 0 and 1, not {1}', nb: '{0}: en andelsscore er mellom 0 og 1, ikke {1}' },
  'mc-no-library': {
    en: '{0}: CQL criteria need a Library (Measure.library, none found)',
    nb: '{0}: CQL-kriterier trenger et Library (Measure.library, ingen funnet)',
  },
  'mc-library-not-found': { en: "{0}: no library of the Measure is named '{1}'", nb: "{0}: ingen av Measure-ets bibliotek heter '{1}'" },
  'mc-one-library': {
    en: "{0}: '{1}' does not name its library, which needs the Measure to have exactly one",
    nb: "{0}: '{1}' navngir ikke biblioteket sitt, og da må Measure ha nøyaktig ett",
  },
  'mc-no-elm': {
    en: '{0}: the library {1} has no ELM (application/elm+xml) to check the criteria against',
    nb: '{0}: biblioteket {1} har ingen ELM (application/elm+xml) å kontrollere kriteriene mot',
  },
  'mc-not-defined': { en: "{0}: '{1}' is not defined in the library {2}", nb: "{0}: '{1}' er ikke definert i biblioteket {2}" },
  'value-required': {
    en: '{0}: the profile requires a value here (an extension such as data-absent-reason does not replace it)',
    nb: '{0}: profilen krever en verdi her (en utvidelse som data-absent-reason erstatter den ikke)',
  },
  'value-or-alternative': {
    en: '{0}: without a value, the profile requires one of these extensions in its place: {1}',
    nb: '{0}: uten verdi krever profilen en av disse utvidelsene i stedet: {1}',
  },
  'narrative-languages-prohibited': {
    en: '{0}: the narrative has language sections ({1}), but the profile prohibits them',
    nb: '{0}: narrativen har språkseksjoner ({1}), men profilen forbyr dem',
  },
  'narrative-languages-required': {
    en: '{0}: the profile requires language sections in the narrative, and it has none',
    nb: '{0}: profilen krever språkseksjoner i narrativen, og den har ingen',
  },
  'narrative-language-missing': {
    en: "{0}: the profile requires a narrative section for the language '{1}', not found (found: {2})",
    nb: "{0}: profilen krever en narrativseksjon for språket '{1}', som ikke finnes (fant: {2})",
  },
  'bundle-entry-orphan': {
    en: '{0}: the entry {1} cannot be reached from the Composition by following references (forward or backward)',
    nb: '{0}: oppføringen {1} kan ikke nås fra Composition ved å følge referanser (forover eller bakover)',
  },
  'sd-unknown-path': {
    en: "{0}: '{1}' is not an element of {2} (a choice is named with [x], or renamed to one of its types)",
    nb: "{0}: '{1}' er ikke et element i {2} (et valgelement navngis med [x], eller med en av typene sine)",
  },
  'sd-slicing-redefined': {
    en: '{0}: the element at {1} defines the slicing {2}, but the slice {3} tries to redefine it as {4}',
    nb: '{0}: elementet {1} definerer snittingen {2}, men snittet {3} prøver å definere den på nytt som {4}',
  },
  'sd-discriminator-path': {
    en: "{0}: the discriminator path '{1}' is not an element of the sliced element {2}",
    nb: "{0}: diskriminatorstien '{1}' er ikke et element i det snittede elementet {2}",
  },
  'sd-fixed-base': {
    en: '{0}: the value is {1}, but the base profile {2} fixes it to {3}',
    nb: '{0}: verdien er {1}, men basisprofilen {2} låser den til {3}',
  },
  'sp-expression-base': {
    en: '{0}: the expression starts with {1}, which is not a base of this search parameter ({2})',
    nb: '{0}: uttrykket starter med {1}, som ikke er en base for denne søkeparameteren ({2})',
  },
  'narrative-element': {
    en: '{0}: <{1}> is not allowed in a narrative (basic HTML only, txt-1)',
    nb: '{0}: <{1}> er ikke tillatt i en narrativ (bare enkel HTML, txt-1)',
  },
  'narrative-active': {
    en: "{0}: '{1}' on <{2}> is active content, not allowed in a narrative (txt-1)",
    nb: "{0}: '{1}' på <{2}> er aktivt innhold, ikke tillatt i en narrativ (txt-1)",
  },
  'narrative-entity': {
    en: '{0}: {1} is not an XML entity (the narrative is XHTML: use the character or &#…;)',
    nb: '{0}: {1} er ikke en XML-entitet (narrativen er XHTML: bruk tegnet eller &#…;)',
  },
  'narrative-namespace': {
    en: '{0}: the div must be in the XHTML namespace (xmlns="http://www.w3.org/1999/xhtml")',
    nb: '{0}: div må være i XHTML-navnerommet (xmlns="http://www.w3.org/1999/xhtml")',
  },
  'narrative-empty': {
    en: '{0}: the narrative has no content (txt-2: some non-whitespace content is required)',
    nb: '{0}: narrativen har ikke innhold (txt-2: noe innhold som ikke er blanktegn kreves)',
  },
  'value-below-min': { en: '{0}: {1} is less than the minimum {2} the profile allows', nb: '{0}: {1} er mindre enn minimum {2} som profilen tillater' },
  'value-above-max': { en: '{0}: {1} is greater than the maximum {2} the profile allows', nb: '{0}: {1} er større enn maksimum {2} som profilen tillater' },
  'value-too-short': { en: "{0}: '{1}' is shorter than the minimum length {2}", nb: "{0}: '{1}' er kortere enn minstelengden {2}" },
  'value-too-long': { en: "{0}: '{1}' is longer than the maximum length {2}", nb: "{0}: '{1}' er lengre enn maksimal lengde {2}" },
  'reference-target': {
    en: '{0}: the reference {2} is to a {1}, which this element does not allow (allowed: {3})',
    nb: '{0}: referansen {2} peker til {1}, som dette elementet ikke tillater (tillatt: {3})',
  },
  'attachment-size': {
    en: '{0}: the stated size {1} does not match the data, which is {2} bytes',
    nb: '{0}: oppgitt størrelse {1} stemmer ikke med dataene, som er {2} byte',
  },
  'attachment-hash': { en: '{0}: the hash does not match the data, whose SHA-1 is {1}', nb: '{0}: hashen stemmer ikke med dataene, som har SHA-1 {1}' },
  'questionnaire-not-found': {
    en: "Questionnaire '{0}' was not found (contained, Bundle, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): the answers are not checked against it",
    nb: "Skjemaet (Questionnaire) '{0}' ble ikke funnet (contained, Bundle, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): svarene kontrolleres ikke mot det",
  },
  'qr-link-id-not-found': { en: "{0}: linkId '{1}' is not in the questionnaire", nb: "{0}: linkId '{1}' finnes ikke i skjemaet" },
  'qr-misplaced': {
    en: "{0}: the item '{1}' is in the wrong place (the questionnaire has it at another level)",
    nb: "{0}: elementet '{1}' står på feil sted (skjemaet har det på et annet nivå)",
  },
  'qr-order': {
    en: "{0}: item '{1}' is out of order (the questionnaire has it before '{2}')",
    nb: "{0}: elementet '{1}' står i feil rekkefølge (skjemaet har det før '{2}')",
  },
  'qr-required-missing': { en: "{0}: no answer for the required item '{1}'", nb: "{0}: mangler svar på det påkrevde elementet '{1}'" },
  'qr-required-group-empty': { en: "{0}: the required group '{1}' has no items", nb: "{0}: den påkrevde gruppen '{1}' har ingen elementer" },
  'qr-min-occurs': { en: "{0}: item '{1}' needs at least {2} answer(s), found {3}", nb: "{0}: elementet '{1}' krever minst {2} svar, fant {3}" },
  'qr-max-occurs': { en: "{0}: item '{1}' allows at most {2} answer(s), found {3}", nb: "{0}: elementet '{1}' tillater høyst {2} svar, fant {3}" },
  'qr-only-one-answer': {
    en: "{0}: item '{1}' does not repeat: one answer allowed, found {2}",
    nb: "{0}: elementet '{1}' kan ikke gjentas: ett svar tillatt, fant {2}",
  },
  'qr-only-one-item': {
    en: "{0}: item '{1}' does not repeat: one response item with this linkId allowed, found {2}",
    nb: "{0}: elementet '{1}' kan ikke gjentas: ett svarelement med denne linkId tillatt, fant {2}",
  },
  'qr-group-answer': { en: "{0}: '{1}' is a group: a group holds items, not answers", nb: "{0}: '{1}' er en gruppe: en gruppe har elementer, ikke svar" },
  'qr-display-answer': { en: "{0}: '{1}' is a display item: it cannot have answers", nb: "{0}: '{1}' er et visningselement: det kan ikke ha svar" },
  'qr-display-items': { en: "{0}: '{1}' is a display item: it cannot have items", nb: "{0}: '{1}' er et visningselement: det kan ikke ha elementer" },
  'qr-items-outside-answer': {
    en: "{0}: '{1}' is a question: its nested items belong inside an answer",
    nb: "{0}: '{1}' er et spørsmål: underelementene hører hjemme i et svar",
  },
  'qr-text': { en: "{0}: the text differs from the questionnaire's text for '{1}' ('{2}')", nb: "{0}: teksten avviker fra skjemaets tekst for '{1}' ('{2}')" },
  'qr-not-enabled': {
    en: "{0}: item '{1}' has an answer, but it is not enabled (enableWhen)",
    nb: "{0}: elementet '{1}' har svar, men er ikke aktivert (enableWhen)",
  },
  'qr-answer-type': {
    en: "{0}: item '{1}' is of type {2}, so the answer must be {3}, not {4}",
    nb: "{0}: elementet '{1}' er av typen {2}, så svaret må være {3}, ikke {4}",
  },
  'qr-not-in-options': {
    en: "{0}: {1} is not one of the answer options of item '{2}' ({3})",
    nb: "{0}: {1} er ikke et av svaralternativene til elementet '{2}' ({3})",
  },
  'qr-not-in-value-set': { en: "{0}: {1} is not in the value set {2} of item '{3}'", nb: "{0}: {1} er ikke i verdisettet {2} for elementet '{3}'" },
  'qr-wrong-display': { en: "{0}: wrong display '{1}' for {2} (expected '{3}')", nb: "{0}: feil visningsnavn '{1}' for {2} (forventet '{3}')" },
  'qr-below-min': { en: "{0}: {1} is less than the minimum {2} of item '{3}'", nb: "{0}: {1} er mindre enn minimum {2} for elementet '{3}'" },
  'qr-above-max': { en: "{0}: {1} is greater than the maximum {2} of item '{3}'", nb: "{0}: {1} er større enn maksimum {2} for elementet '{3}'" },
  'qr-too-short': {
    en: "{0}: '{1}' is shorter than the minimum length {2} of item '{3}'",
    nb: "{0}: '{1}' er kortere enn minstelengden {2} for elementet '{3}'",
  },
  'qr-too-long': {
    en: "{0}: '{1}' is longer than the maximum length {2} of item '{3}'",
    nb: "{0}: '{1}' er lengre enn maksimal lengde {2} for elementet '{3}'",
  },
  'qr-attachment-too-large': {
    en: "{0}: the attachment is {1} bytes, more than the {2} allowed by item '{3}'",
    nb: "{0}: vedlegget er {1} byte, mer enn de {2} elementet '{3}' tillater",
  },
  'qr-mime-type': {
    en: "{0}: content type '{1}' is not allowed by item '{2}' (allowed: {3})",
    nb: "{0}: innholdstypen '{1}' er ikke tillatt for elementet '{2}' (tillatt: {3})",
  },
  'qr-unit-not-allowed': {
    en: "{0}: the unit of {1} is not one of the unit options of item '{2}' ({3})",
    nb: "{0}: enheten i {1} er ikke et av enhetsvalgene for elementet '{2}' ({3})",
  },
  'qr-unit-not-in-value-set': {
    en: "{0}: the unit of {1} is not in the unit value set {2} of item '{3}'",
    nb: "{0}: enheten i {1} er ikke i enhetsverdisettet {2} for elementet '{3}'",
  },
  'qr-quantity-no-units': {
    en: '{0}: {1} cannot be compared with the {2} {3}: both need a UCUM unit (system and code)',
    nb: '{0}: {1} kan ikke sammenlignes med {2} {3}: begge trenger en UCUM-enhet (system og kode)',
  },
  'qr-quantity-incomparable': {
    en: '{0}: {1} cannot be compared with the {2} {3}: the units cannot be converted',
    nb: '{0}: {1} kan ikke sammenlignes med {2} {3}: enhetene kan ikke regnes om',
  },
  'qr-reference-not-resource': {
    en: "{0}: '{1}' in the reference {2} is not a FHIR resource type",
    nb: "{0}: '{1}' i referansen {2} er ikke en FHIR-ressurstype",
  },
  'qr-reference-not-allowed': {
    en: "{0}: a reference to {1} is not allowed by item '{2}' (allowed: {3})",
    nb: "{0}: en referanse til {1} er ikke tillatt for elementet '{2}' (tillatt: {3})",
  },
});

export type FhirMessage = MessageKey<typeof fhirMessages>;

export const fhirText = fhirMessages.text;
