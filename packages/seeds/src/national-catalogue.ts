/**
 * The national indicator catalogue the seeded plans count towards: the core national indicators
 * of the three national strategies the plans name, and the seed indicators tied to them.
 *
 * Taken from the plans, not from a document of its own: each plan names the national strategy
 * it carries out (the gender-equality plan "Strategjia Kombëtare për Barazinë Gjinore 2021-2030",
 * the Roma and Egyptian plan "Plani Kombëtar i Veprimit për Barazi, Përfshirje dhe Pjesëmarrje të
 * Romëve dhe Egjiptianëve 2021-2025", Drenas's "Strategjia Kombëtare për Mbrojtje nga Dhuna në
 * Familje dhe Dhuna ndaj Grave 2022-2026"), and an indicator is tied only where a national figure
 * genuinely sums (or, for a percentage, takes the ratio of the sums of) what every municipality
 * reports the same way. Links come after the definitions, and the seed after the plans: a link
 * needs both the national indicator and the municipal one, whose unit must be the national unit.
 *
 * Codes are `{country}-{strategy}-{topic}`. The country is the municipality's (AL: Elbasan, XK:
 * Drenas): a national indicator belongs to one country, so amounts and budget ratios never add
 * lekë to euros. The strategy abbreviations are ours, as the documents give none:
 * SKBGJ = Strategjia Kombëtare për Barazinë Gjinore 2021-2030 (AL, which also carries domestic and
 * gender-based violence), PKVRE = Plani Kombëtar i Veprimit për Barazi, Përfshirje dhe Pjesëmarrje
 * të Romëve dhe Egjiptianëve 2021-2025 (AL), SKMDHF = Strategjia Kombëtare për Mbrojtje nga Dhuna
 * në Familje dhe Dhuna ndaj Grave 2022-2026 (XK). Years stay out of codes, so a code outlives a
 * strategy's renewal only by an explicit decision. The topic is the SDG indicator when the
 * national indicator is that SDG indicator (5.5.1b), otherwise a short English mnemonic.
 */
import { seedId, type Seed, type SeedCommand } from './seed-command.js'

// The ids the plan seeds give their indicators: `seedId(<the seed's id namespace>, 'indicator', code)`.
const genderIndicator = (code: string): string => seedId('elbasan-gender-equality', 'indicator', code)
const romaEgyptianIndicator = (code: string): string => seedId('elbasan-roma-egyptian', 'indicator', code)
const drenasIndicator = (code: string): string => seedId('drenas-domestic-violence', 'indicator', code)

// After the plans: the last of their commands is the gender plan's report approval of 2025-04-15.
const at = (minute: number): string =>
  `2025-04-28T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+02:00`

interface Text {
  readonly sq: string
  readonly en: string
}

interface Definition {
  readonly code: string
  readonly name: Text
  readonly unit: 'count' | 'amount' | 'percent' | 'milestone'
  readonly numerator?: Text
  readonly denominator?: Text
  readonly sdg?: { readonly indicator: string; readonly series?: string }
}

interface Link {
  readonly indicatorId: string
  readonly nationalCode: string
  readonly reason: Text
}

const romaEgyptianMembers: Text = {
  sq: 'Anëtarë të komunitetit rom dhe egjiptian në bashki',
  en: 'Roma and Egyptian community members in the municipality',
}

const definitions: readonly Definition[] = [
  // ---- Strategjia Kombëtare për Barazinë Gjinore 2021-2030 (AL) -------------------------------
  {
    code: 'AL-SKBGJ-DV-BUDGET-SHARE',
    name: {
      sq: 'Përqindja e buxhetit bashkiak për shërbime të specializuara për viktimat e dhunës në familje dhe me bazë gjinore',
      en: 'Share of the municipal budget for specialised services for victims of domestic and gender-based violence',
    },
    unit: 'percent',
    // Both in lekë.
    numerator: {
      sq: 'Fondet e alokuara për shërbime të specializuara për viktimat e dhunës në familje dhe me bazë gjinore',
      en: 'Funds allocated to specialised services for victims of domestic and gender-based violence',
    },
    denominator: { sq: 'Buxheti total i bashkisë', en: 'Total municipal budget' },
  },
  {
    code: 'AL-SKBGJ-DV-CASES-NEW',
    name: {
      sq: 'Numri i rasteve të reja të dhunës në familje të trajtuara nga Mekanizmi i Koordinuar i Referimit gjatë vitit',
      en: 'New domestic-violence cases handled by the coordinated referral mechanism in the year',
    },
    unit: 'count',
  },
  {
    code: 'AL-SKBGJ-DV-CASES-MANAGED',
    name: {
      sq: 'Numri i rasteve të dhunës në familje të menaxhuara dhe të mbështetura nga Mekanizmi i Koordinuar i Referimit gjatë vitit',
      en: 'Domestic-violence cases managed and supported by the coordinated referral mechanism in the year',
    },
    unit: 'count',
  },
  {
    code: 'AL-SKBGJ-DV-RENT-BONUS',
    name: {
      sq: 'Numri i viktimave të dhunës në familje të përfshira në programin e bonusit të qirasë',
      en: 'Victims of domestic violence included in the rent-bonus programme',
    },
    unit: 'count',
  },
  {
    code: 'AL-SKBGJ-DV-REFERRAL-STAFF-TRAINED',
    name: {
      sq: 'Numri i punonjësve të NJVNRR-ve të trajnuar për referimin e rasteve të dhunës',
      en: 'Staff of the needs-assessment and referral units (NJVNRR) trained on referring cases of violence',
    },
    unit: 'count',
  },
  {
    code: 'AL-SKBGJ-GRB-TRAINED',
    name: {
      sq: 'Numri i anëtarëve të Komisionit për Barazi Gjinore dhe i punonjësve të bashkisë të trajnuar për buxhetimin e përgjegjshëm gjinor (BPGJ)',
      en: 'Gender equality commission members and municipal staff trained on gender-responsive budgeting',
    },
    unit: 'count',
  },
  // Ready for future plans: no seed indicator measures it (the gender plan's II.1 (b)/T2 counts
  // members of the women's alliance, not council seats, and is a count, not a percentage).
  {
    code: 'AL-SKBGJ-5.5.1b',
    name: {
      sq: 'Përqindja e vendeve në këshillin bashkiak të mbajtura nga gra',
      en: 'Proportion of municipal council seats held by women',
    },
    unit: 'percent',
    numerator: { sq: 'Vende në këshillin bashkiak të mbajtura nga gra', en: 'Municipal council seats held by women' },
    denominator: { sq: 'Vende gjithsej në këshillin bashkiak', en: 'Total municipal council seats' },
    sdg: { indicator: '5.5.1', series: 'SG_GEN_LOCGELS' },
  },

  // ---- Plani Kombëtar i Veprimit për Barazi, Përfshirje dhe Pjesëmarrje të Romëve dhe ------------
  // ---- Egjiptianëve 2021-2025 (AL) ---------------------------------------------------------------
  {
    code: 'AL-PKVRE-PRIMARY-ENROLMENT',
    name: {
      sq: 'Numri i vajzave dhe djemve romë dhe egjiptianë të regjistruar në arsimin fillor',
      en: 'Roma and Egyptian girls and boys enrolled in primary education',
    },
    unit: 'count',
  },
  {
    code: 'AL-PKVRE-COMPULSORY-COMPLETION',
    name: {
      sq: 'Numri i nxënësve romë dhe egjiptianë që përfundojnë arsimin e detyrueshëm',
      en: 'Roma and Egyptian pupils completing compulsory education',
    },
    unit: 'count',
  },
  {
    code: 'AL-PKVRE-CIVIL-REGISTRATION-SHARE',
    name: {
      sq: 'Përqindja e anëtarëve të komunitetit rom dhe egjiptian me akses të plotë në shërbimin e gjendjes civile',
      en: 'Share of Roma and Egyptian community members with full access to civil registration',
    },
    unit: 'percent',
    numerator: {
      sq: 'Anëtarë të komunitetit rom dhe egjiptian me akses të plotë në shërbimin e gjendjes civile',
      en: 'Roma and Egyptian community members with full access to civil registration',
    },
    denominator: romaEgyptianMembers,
  },
  // Not SDG 16.2.2 (VC_HTF_DETV): it counts potential victims too, not detected victims only.
  {
    code: 'AL-PKVRE-THB-REFERRED',
    name: {
      sq: 'Numri i viktimave të mundshme dhe të identifikuara të trafikimit, romë dhe egjiptianë, të referuara dhe të asistuara',
      en: 'Roma and Egyptian potential and identified victims of trafficking referred and assisted',
    },
    unit: 'count',
  },
  {
    code: 'AL-PKVRE-ALMP-PARTICIPANTS',
    name: {
      sq: 'Numri i romëve dhe egjiptianëve (gra dhe burra) të përfshirë në programet e nxitjes së punësimit',
      en: 'Roma and Egyptian women and men included in employment promotion programmes',
    },
    unit: 'count',
  },
  {
    code: 'AL-PKVRE-LABOUR-MARKET-INTEGRATION',
    name: {
      sq: 'Numri i grave dhe burrave romë dhe egjiptianë nga AFP dhe programet aktive të punësimit të integruar në tregun e punës',
      en: 'Roma and Egyptian women and men from vocational training and active labour-market programmes integrated into the labour market',
    },
    unit: 'count',
  },
  {
    code: 'AL-PKVRE-HOUSING-IMPROVED-FAMILIES',
    name: {
      sq: 'Numri i familjeve rome dhe egjiptiane që jetojnë në kushte të përmirësuara banimi',
      en: 'Roma and Egyptian families living in improved housing conditions',
    },
    unit: 'count',
  },
  // In lekë: every contributor is an Albanian municipality.
  {
    code: 'AL-PKVRE-INFRA-INVESTMENT',
    name: {
      sq: 'Fondi i investimeve për infrastrukturën urbane në zonat e banimit me përqendrim romësh dhe egjiptianësh',
      en: 'Investment in the urban infrastructure of areas with a concentration of Roma and Egyptians',
    },
    unit: 'amount',
  },
  // SDG 1.3.1 for one population group; no series, as SI_COV_BENFTS is an ILO national estimate
  // with its own method, not what a municipality counts.
  {
    code: 'AL-PKVRE-SOCIAL-PROTECTION-COVERAGE',
    name: {
      sq: 'Përqindja e anëtarëve të komunitetit rom dhe egjiptian të përfshirë në programet e mbrojtjes sociale',
      en: 'Share of Roma and Egyptian community members included in social protection programmes',
    },
    unit: 'percent',
    numerator: {
      sq: 'Anëtarë të komunitetit rom dhe egjiptian të përfshirë në programet e mbrojtjes sociale',
      en: 'Roma and Egyptian community members included in social protection programmes',
    },
    denominator: romaEgyptianMembers,
    sdg: { indicator: '1.3.1' },
  },
  {
    code: 'AL-PKVRE-ROMALB-UPDATED',
    name: {
      sq: 'Përditësimi i treguesve të bashkisë në sistemin ROMALB',
      en: "Municipality's indicators in the ROMALB system updated",
    },
    unit: 'milestone',
  },

  // ---- Strategjia Kombëtare për Mbrojtje nga Dhuna në Familje dhe Dhuna ndaj Grave 2022-2026 (XK)
  {
    code: 'XK-SKMDHF-DV-CASES-IDENTIFIED',
    name: {
      sq: 'Numri i rasteve të dhunës në familje të identifikuara në terren nga mekanizmat relevantë',
      en: 'Domestic-violence cases identified in the field by the relevant mechanisms',
    },
    unit: 'count',
  },
  {
    code: 'XK-SKMDHF-DV-PROTECTION-ORDERS',
    name: {
      sq: 'Numri i rasteve të dhunës në familje me urdhër mbrojtjeje',
      en: 'Domestic-violence cases with a protection order',
    },
    unit: 'count',
  },
  {
    code: 'XK-SKMDHF-DV-FINAL-DECISIONS',
    name: {
      sq: 'Numri i rasteve të dhunës në familje të përfunduara me vendim përfundimtar të gjykatës',
      en: 'Domestic-violence cases concluded with a final court decision',
    },
    unit: 'count',
  },
  {
    code: 'XK-SKMDHF-DV-SAFE-HOUSING-SHARE',
    name: {
      sq: 'Përqindja e viktimave të dhunës në familje të cilave iu ofrohet strehim i sigurt brenda vitit',
      en: 'Share of victims of domestic violence offered safe housing within the year',
    },
    unit: 'percent',
    numerator: {
      sq: 'Viktima të dhunës në familje të cilave iu ofrua strehim i sigurt gjatë vitit',
      en: 'Victims of domestic violence offered safe housing in the year',
    },
    denominator: {
      sq: 'Viktima të dhunës në familje të evidentuara gjatë vitit',
      en: 'Victims of domestic violence recorded in the year',
    },
  },
  {
    code: 'XK-SKMDHF-DV-VICTIMS-EMPLOYED',
    name: {
      sq: 'Numri i viktimave të dhunës në familje që janë punësuar',
      en: 'Victims of domestic violence who found employment',
    },
    unit: 'count',
  },
  {
    code: 'XK-SKMDHF-MKK-PROTOCOL',
    name: {
      sq: 'Protokolli i punës i Mekanizmit Koordinues Komunal për Mbrojtje nga Dhuna në Familje i aprovuar',
      en: 'Work protocol of the municipal coordinating mechanism for protection from domestic violence approved',
    },
    unit: 'milestone',
  },
]

// One indicator per municipality and code: on one code, a municipality's later figure would
// supersede the other rather than add to it. Each link keeps the unit of its national indicator.
const links: readonly Link[] = [
  // ---- Elbasan, gender-equality plan 2022-2024 ------------------------------------------------
  // The plan's own budget-share indicator for specialised services to victims of violence, the
  // share the national strategy asks every municipality to raise. It is computed (budget-share):
  // it never gets reported values, and the national figure of a computed share is not made from
  // budget events yet, so this link gives no national figure for now.
  {
    indicatorId: genderIndicator('IV.2/T1'),
    nationalCode: 'AL-SKBGJ-DV-BUDGET-SHARE',
    reason: {
      sq: 'Treguesi i vetë planit për pjesën e buxhetit për shërbimet e specializuara për viktimat e dhunës në familje dhe me bazë gjinore, pjesë që strategjia kombëtare kërkon që çdo bashki ta rrisë.',
      en: "The plan's own budget-share indicator for specialised services to victims of domestic and gender-based violence, the share the national strategy asks every municipality to raise.",
    },
  },
  // The yearly flow of new domestic-violence cases the referral mechanism takes on, which the
  // ministry sums from every municipality's REVALB entries.
  {
    indicatorId: genderIndicator('IV.2 (d)/T2'),
    nationalCode: 'AL-SKBGJ-DV-CASES-NEW',
    reason: {
      sq: 'Rastet e reja të dhunës në familje që mekanizmi i referimit mori në trajtim gjatë vitit, fluksi vjetor që ministria e mbledh nga regjistrimet në REVALB të çdo bashkie.',
      en: "New domestic-violence cases the referral mechanism took on in the year, the yearly flow the ministry sums from every municipality's REVALB entries.",
    },
  },
  // The year's whole domestic-violence caseload managed with the referral mechanism, the new
  // cases included.
  {
    indicatorId: genderIndicator('IV.2 (d)/T1'),
    nationalCode: 'AL-SKBGJ-DV-CASES-MANAGED',
    reason: {
      sq: 'Të gjitha rastet e dhunës në familje që bashkia menaxhoi me mekanizmin e referimit gjatë vitit (ngarkesa e rasteve, pjesë e së cilës janë edhe rastet e reja).',
      en: 'All domestic-violence cases the municipality managed with the referral mechanism in the year (the caseload, of which the new cases are a part).',
    },
  },
  // The rent bonus is a national social-housing programme the municipalities run, so its victims
  // add up. The indicator is cumulative over the plan (its 2024 value is 2022-2024's total).
  {
    indicatorId: genderIndicator('IV.2 (h)/T1'),
    nationalCode: 'AL-SKBGJ-DV-RENT-BONUS',
    reason: {
      sq: 'Viktimat e dhunës në familje që përfitojnë strehim afatgjatë përmes bonusit të qirasë, program kombëtar i strehimit social që e zbatojnë bashkitë, ndaj numrat mblidhen ndërmjet bashkive.',
      en: 'Victims of domestic violence given long-term housing through the rent bonus, a national social-housing programme municipalities run, so the counts add up across municipalities.',
    },
  },
  // Every Albanian municipality has needs-assessment and referral units (NJVNRR) under the
  // social-services law: their staff trained is a capacity figure the ministry sums. Cumulative.
  {
    indicatorId: genderIndicator('IV.2 (a)/T1'),
    nationalCode: 'AL-SKBGJ-DV-REFERRAL-STAFF-TRAINED',
    reason: {
      sq: 'Punonjësit e njësive për vlerësimin e nevojave dhe referimin (NJVNRR), që bashkitë i ngrenë sipas ligjit për shërbimet sociale, të trajnuar për referimin e rasteve të dhunës: një shifër kapaciteti që ministria e mbledh në shkallë kombëtare.',
      en: 'Staff of the needs-assessment and referral units that Albanian municipalities set up under the social-services law, trained on referring cases of violence: a capacity figure the ministry sums nationally.',
    },
  },
  // Gender-responsive budgeting is the strategy's tool for local budgets; people trained on it are
  // counted the same way everywhere. Cumulative.
  {
    indicatorId: genderIndicator('I.2 (a)/T1'),
    nationalCode: 'AL-SKBGJ-GRB-TRAINED',
    reason: {
      sq: 'Personat e trajnuar për buxhetimin e përgjegjshëm gjinor, mjetin e strategjisë për buxhetet vendore, të numëruar njësoj në çdo bashki.',
      en: "People trained on gender-responsive budgeting, the strategy's tool for local budgets, counted the same way in every municipality.",
    },
  },

  // ---- Elbasan, Roma and Egyptian integration plan 2024-2027 ------------------------------------
  // Primary enrolment of Roma and Egyptian children, broken down by sex, ethnicity and urban/rural
  // as the national plan asks, so the national totals keep those breakdowns.
  {
    indicatorId: romaEgyptianIndicator('2.1.1-1'),
    nationalCode: 'AL-PKVRE-PRIMARY-ENROLMENT',
    reason: {
      sq: 'Fëmijët romë dhe egjiptianë të regjistruar çdo vit në arsimin fillor, të ndarë siç e kërkon plani kombëtar, që ministria të ketë totale kombëtare sipas gjinisë, etnisë dhe qytet/fshat.',
      en: 'Roma and Egyptian children enrolled in primary school each year, broken down as the national plan asks, so the ministry gets national totals by sex, ethnicity and urban/rural.',
    },
  },
  // Pupils completing compulsory education, the count the objective is read as (its 50 % rise is
  // a relative target); the education ministry sums it.
  {
    indicatorId: romaEgyptianIndicator('O2.2-1'),
    nationalCode: 'AL-PKVRE-COMPULSORY-COMPLETION',
    reason: {
      sq: 'Nxënësit romë dhe egjiptianë që përfundojnë arsimin e detyrueshëm (si e lexojnë objektivin të dhënat fillestare, me rritjen prej 50 % si synim relativ), një numër që ministria e arsimit e mbledh.',
      en: "Roma and Egyptian pupils completing compulsory education (the seed's reading of the objective, with its 50 % rise as a relative target), a count the education ministry sums.",
    },
  },
  // Full access to civil registration is a headline of the national plan; as a percentage it
  // aggregates only as a ratio of sums, so reports must give their counts.
  {
    indicatorId: romaEgyptianIndicator('O1-1'),
    nationalCode: 'AL-PKVRE-CIVIL-REGISTRATION-SHARE',
    reason: {
      sq: 'Përqindja e komunitetit rom dhe egjiptian me akses të plotë në shërbimin e gjendjes civile, tregues kryesor i planit kombëtar që mund të agregohet vetëm si raport i shumave.',
      en: 'Share of the Roma and Egyptian community with full access to civil registration, a headline of the national plan that only a ratio of sums can aggregate.',
    },
  },
  // Trafficking victims referred and assisted, by sex, as the national referral system counts them.
  // The indicator is not marked sensitive although it counts victims.
  {
    indicatorId: romaEgyptianIndicator('2.1-1'),
    nationalCode: 'AL-PKVRE-THB-REFERRED',
    reason: {
      sq: 'Viktimat e mundshme dhe të identifikuara të trafikimit, të referuara dhe të asistuara, sipas gjinisë, një numër që sistemi kombëtar i referimit e mbledh nga të gjitha bashkitë.',
      en: 'Potential and identified trafficking victims referred and assisted, by sex, a count the national referral system sums across municipalities.',
    },
  },
  // Participants in the employment promotion programmes, recorded the same way by the employment
  // agency everywhere.
  {
    indicatorId: romaEgyptianIndicator('4.1.1-1'),
    nationalCode: 'AL-PKVRE-ALMP-PARTICIPANTS',
    reason: {
      sq: 'Romët dhe egjiptianët në programet e nxitjes së punësimit (PNP), sipas gjinisë, të regjistruar njësoj nga agjencia e punësimit në çdo bashki.',
      en: 'Roma and Egyptians in the employment promotion programmes (PNP), by sex, recorded the same way by the employment agency in every municipality.',
    },
  },
  // Entry into the labour market from training and active programmes: the outcome the national
  // plan's employment chapter measures.
  {
    indicatorId: romaEgyptianIndicator('O4.1-1'),
    nationalCode: 'AL-PKVRE-LABOUR-MARKET-INTEGRATION',
    reason: {
      sq: 'Romët dhe egjiptianët nga formimi profesional dhe programet aktive të punësimit që hynë në tregun e punës: rezultati që mat kapitulli i punësimit i planit kombëtar.',
      en: "Roma and Egyptians from vocational training and active labour-market programmes who entered the labour market: the outcome the national plan's employment chapter measures.",
    },
  },
  // Families in improved housing, the housing outcome (objective 5.1) the national plan sums.
  {
    indicatorId: romaEgyptianIndicator('O5.1-1'),
    nationalCode: 'AL-PKVRE-HOUSING-IMPROVED-FAMILIES',
    reason: {
      sq: 'Familjet rome dhe egjiptiane që jetojnë në kushte të përmirësuara banimi (objektivi 5.1 i aneksit), rezultati i strehimit që plani kombëtar e mbledh nga të gjitha bashkitë.',
      en: 'Roma and Egyptian families living in improved housing (objective 5.1 of the annex), the housing outcome the national plan sums across municipalities.',
    },
  },
  // Lekë invested in the infrastructure of Roma and Egyptian neighbourhoods; an amount in ALL, as
  // every contributor is Albanian.
  {
    indicatorId: romaEgyptianIndicator('5.2-2'),
    nationalCode: 'AL-PKVRE-INFRA-INVESTMENT',
    reason: {
      sq: 'Lekët e investuara në ujë, rrugë dhe grumbullim mbetjesh në lagjet rome dhe egjiptiane, të mbledhura në lekë për Shqipërinë.',
      en: 'Lekë invested in water, roads and waste collection in Roma and Egyptian neighbourhoods, summed in lekë for Albania.',
    },
  },
  // Social-protection coverage of the community, SDG 1.3.1 for one population group, aggregated as
  // a ratio of sums.
  {
    indicatorId: romaEgyptianIndicator('O6.1-1'),
    nationalCode: 'AL-PKVRE-SOCIAL-PROTECTION-COVERAGE',
    reason: {
      sq: 'Përqindja e komunitetit rom dhe egjiptian e përfshirë në programet e mbrojtjes sociale, SDG 1.3.1 për një grup të popullsisë, e agreguar si raport i shumave.',
      en: 'Share of the Roma and Egyptian community covered by social protection programmes, SDG 1.3.1 for one population group, aggregated as a ratio of sums.',
    },
  },
  // ROMALB is the ministry's own monitoring system: summed, the milestone is the number of
  // municipalities whose indicators are up to date in it.
  {
    indicatorId: romaEgyptianIndicator('6.2.2-1'),
    nationalCode: 'AL-PKVRE-ROMALB-UPDATED',
    reason: {
      sq: 'Nëse bashkia i përditësoi treguesit e saj në ROMALB, sistemin e monitorimit të vetë ministrisë (masa e cakton MSHMS-në si monitoruese); të mbledhura, numri i bashkive të përditësuara.',
      en: "Whether the municipality updated its indicators in ROMALB, the ministry's own monitoring system (the measure names MSHMS as monitor); summed, the number of municipalities up to date.",
    },
  },

  // ---- Drenas, domestic-violence plan 2025-2028 ------------------------------------------------
  // The yearly flow of cases the municipal mechanisms identify, which the Kosovo strategy sums.
  {
    indicatorId: drenasIndicator('II.41'),
    nationalCode: 'XK-SKMDHF-DV-CASES-IDENTIFIED',
    reason: {
      sq: 'Rastet e dhunës në familje që mekanizmat komunalë i identifikuan gjatë vitit, shifra vjetore e Kosovës që strategjia kombëtare e mbledh nga të gjitha komunat.',
      en: 'Domestic-violence cases the municipal mechanisms identified in the year, the Kosovo flow figure the national strategy sums across municipalities.',
    },
  },
  // Protection orders, from the court's reports: the count the justice side of the strategy sums.
  {
    indicatorId: drenasIndicator('II.4.3/1'),
    nationalCode: 'XK-SKMDHF-DV-PROTECTION-ORDERS',
    reason: {
      sq: 'Rastet e dhunës në familje me urdhër mbrojtjeje, nga raportet e gjykatës, një numër që e mbledh pjesa e strategjisë për drejtësinë.',
      en: 'Domestic-violence cases with a protection order, taken from court reports, a count the justice side of the strategy sums.',
    },
  },
  // Cases closed by a final court decision, from the court's reports, to follow the justice response.
  {
    indicatorId: drenasIndicator('II.4.3/2'),
    nationalCode: 'XK-SKMDHF-DV-FINAL-DECISIONS',
    reason: {
      sq: 'Rastet e dhunës në familje të përfunduara me vendim përfundimtar të gjykatës, nga raportet e gjykatës, të mbledhura në shkallë kombëtare për të ndjekur përgjigjen e drejtësisë.',
      en: 'Domestic-violence cases closed by a final court decision, from court reports, summed nationally to follow the justice response.',
    },
  },
  // Safe housing for victims within the year, a percentage: victims housed over victims recorded.
  {
    indicatorId: drenasIndicator('II.2.1'),
    nationalCode: 'XK-SKMDHF-DV-SAFE-HOUSING-SHARE',
    reason: {
      sq: 'Përqindja e viktimave të dhunës në familje të cilave iu ofrua strehim i sigurt brenda vitit, e agreguar si viktima të strehuara mbi viktima të evidentuara, kurrë si mesatare e përqindjeve komunale.',
      en: 'Share of domestic-violence victims offered safe housing within the year, aggregated as victims housed over victims recorded, never as a mean of municipal percentages.',
    },
  },
  // Victims who found work: the economic-reintegration count the strategy follows.
  {
    indicatorId: drenasIndicator('II.2.4/2'),
    nationalCode: 'XK-SKMDHF-DV-VICTIMS-EMPLOYED',
    reason: {
      sq: 'Viktimat e dhunës në familje që gjetën punë, numri i riintegrimit ekonomik që strategjia e ndjek në të gjitha komunat.',
      en: 'Victims of domestic violence who found work, the economic-reintegration count the strategy follows across municipalities.',
    },
  },
  // An approved work protocol of the municipal coordinating mechanism; summed, the municipalities
  // whose mechanism works.
  {
    indicatorId: drenasIndicator('I.3.3'),
    nationalCode: 'XK-SKMDHF-MKK-PROTOCOL',
    reason: {
      sq: 'Nëse mekanizmi koordinues komunal ka protokoll pune të aprovuar; të mbledhura, numri i komunave të Kosovës me mekanizëm funksional.',
      en: 'Whether the municipal coordinating mechanism has an approved work protocol; summed, the number of Kosovo municipalities with a functioning mechanism.',
    },
  },
]

export const nationalCatalogue: Seed = {
  name: 'national-catalogue',
  source: 'shared/seeds/000_9c574b93f9c376bd.txt, shared/seeds/002_936c7431801f6c1b.txt, shared/seeds/004_936b501e0d62e286.txt',
  commands: [
    ...definitions.map((definition, index): SeedCommand => ({ type: 'DefineNationalIndicator', occurredAt: at(index), ...definition })),
    ...links.map((link, index): SeedCommand => ({ type: 'LinkNationalIndicator', occurredAt: at(definitions.length + index), ...link })),
  ],
}
