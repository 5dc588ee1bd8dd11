// Demo content for lede. Everything below is original, fictional writing: companies, products,
// people, quotes, publishers and commenters are invented. URLs only use example domains.

export interface SeedLink {
  label: string;
  url: string;
}

export interface SeedAuthor {
  slug: string;
  name: string;
  bio: string;
  avatarUrl: string | null;
  jobTitle: string;
  links: SeedLink[];
}

export interface SeedTag {
  slug: string;
  name: string;
}

export interface SeedComment {
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: "pending" | "approved" | "spam" | "trash";
  replies?: SeedComment[];
}

export interface SeedQuote {
  speaker: string;
  speakerRole: string | null;
  text: string;
}

export interface SeedSource {
  title: string;
  publisher: string | null;
  url: string;
}

export interface SeedArticle {
  slug: string;
  language: "fr" | "en";
  title: string;
  lede: string;
  body: string;
  status: "draft" | "scheduled" | "published" | "archived";
  publishedAt: string | null;
  authorSlugs: string[];
  tagSlugs: string[];
  commentsOpen: boolean;
  quotes: SeedQuote[];
  sources: SeedSource[];
  comments: SeedComment[];
}

export const seedAuthors: SeedAuthor[] = [
  {
    slug: "camille-renaud",
    name: "Camille Renaud",
    bio: "Rédactrice en chef adjointe. Camille suit les smartphones, l'intelligence artificielle grand public et la façon dont nous vivons avec nos écrans. Elle a longtemps testé des téléphones pour une revue de consommateurs imaginaire.",
    avatarUrl: "https://example.com/avatars/camille-renaud.png",
    jobTitle: "Rédactrice en chef adjointe",
    links: [
      { label: "Site personnel", url: "https://example.com/camille-renaud" },
      { label: "Mastodon", url: "https://example.org/@camille" },
    ],
  },
  {
    slug: "theo-garnier",
    name: "Théo Garnier",
    bio: "Journaliste spécialisé dans les semi-conducteurs et l'énergie. Ingénieur de formation, Théo aime expliquer ce qui se passe à l'intérieur d'une usine de puces ou d'une cellule de batterie.",
    avatarUrl: "https://example.com/avatars/theo-garnier.png",
    jobTitle: "Journaliste semi-conducteurs et énergie",
    links: [{ label: "Newsletter", url: "https://example.org/newsletters/theo-garnier" }],
  },
  {
    slug: "margaux-lefevre",
    name: "Margaux Lefèvre",
    bio: "Margaux couvre l'écosystème des start-up et la cybersécurité. Elle passe beaucoup de temps à lire des rapports d'incident et des tableaux de levées de fonds, parfois les deux le même jour.",
    avatarUrl: null,
    jobTitle: "Journaliste start-up et cybersécurité",
    links: [],
  },
  {
    slug: "priya-nair",
    name: "Priya Nair",
    bio: "Priya is our senior reporter for security and artificial intelligence. Before joining the newsroom she spent six years doing incident response, which explains her fondness for timelines.",
    avatarUrl: "https://example.com/avatars/priya-nair.png",
    jobTitle: "Senior Security & AI Reporter",
    links: [
      { label: "Website", url: "https://example.net/priya" },
      { label: "PGP key", url: "https://example.net/priya/pgp.txt" },
    ],
  },
  {
    slug: "daniel-okafor",
    name: "Daniel Okafor",
    bio: "Daniel covers space, cloud infrastructure and the occasional chip. He has watched more rocket launches from a laptop than he would care to admit.",
    avatarUrl: null,
    jobTitle: "Space & Cloud Correspondent",
    links: [{ label: "Portfolio", url: "https://example.org/daniel-okafor" }],
  },
];

export const seedTags: SeedTag[] = [
  { slug: "smartphones", name: "Smartphones" },
  { slug: "ai", name: "Intelligence artificielle" },
  { slug: "semiconductors", name: "Semi-conducteurs" },
  { slug: "security", name: "Cybersécurité" },
  { slug: "space", name: "Espace" },
  { slug: "cloud", name: "Cloud" },
  { slug: "startups", name: "Start-up" },
  { slug: "energy", name: "Énergie" },
];

export const seedArticles: SeedArticle[] = [
  // 1
  {
    slug: "voltaia-devoile-une-batterie-sodium-ion-pour-smartphones-d-entree-de-gamme",
    language: "fr",
    title: "Voltaïa dévoile une batterie sodium-ion pour smartphones d'entrée de gamme",
    lede: "La start-up grenobloise promet des cellules sans lithium ni cobalt, moins chères et plus tolérantes au froid. Les premiers téléphones équipés sont attendus au printemps.",
    body: `Voltaïa a présenté mardi sa première cellule **sodium-ion** conçue pour les smartphones. Jusqu'ici, cette chimie était surtout réservée au stockage stationnaire, où le poids compte peu. La jeune entreprise affirme avoir atteint une densité suffisante pour loger une batterie de 4 500 mAh dans un châssis de 8,9 mm d'épaisseur.

## Moins dense, mais plus robuste

Sur le papier, le sodium reste en retrait : Voltaïa annonce environ 160 Wh/kg, contre plus de 250 Wh/kg pour les meilleures cellules lithium-ion actuelles. L'argument est ailleurs. Le sodium est abondant, la cellule se passe de cobalt, et elle conserverait **plus de 85 % de sa capacité à -20 °C**, là où un téléphone classique s'éteint souvent en pleine randonnée.

La société met aussi en avant la durée de vie :

- 2 000 cycles avant de descendre sous 80 % de capacité ;
- une recharge à 45 W sans refroidissement actif ;
- un coût matière inférieur d'environ 30 % selon ses propres calculs.

## Des fabricants encore prudents

Deux marques de téléphones d'entrée de gamme auraient signé pour des échantillons, sans que Voltaïa accepte de les nommer. Les analystes rappellent que passer d'une ligne pilote à des millions d'unités est l'étape où beaucoup de chimies prometteuses ont calé. La start-up détaille sa feuille de route dans un [document technique](https://example.com/voltaia/livre-blanc-sodium) publié le même jour.`,
    status: "published",
    publishedAt: "2026-09-01T06:30:00Z",
    authorSlugs: ["theo-garnier"],
    tagSlugs: ["smartphones", "energy"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Inès Marchetti",
        speakerRole: "directrice produit chez Voltaïa",
        text: "Nous ne cherchons pas à battre le lithium sur la densité. Nous voulons un téléphone à 150 euros qui tienne encore la charge après quatre ans.",
      },
      {
        speaker: "Bastien Roy",
        speakerRole: "analyste chez Cadran Research",
        text: "La chimie est crédible. La vraie question, c'est le rendement de production au-delà de la ligne pilote.",
      },
    ],
    sources: [
      {
        title: "Cellules sodium-ion pour appareils mobiles : livre blanc",
        publisher: "Voltaïa",
        url: "https://example.com/voltaia/livre-blanc-sodium",
      },
      {
        title: "Batteries alternatives : état du marché 2026",
        publisher: "Cadran Research",
        url: "https://example.org/cadran/batteries-2026",
      },
    ],
    comments: [
      {
        authorName: "Julien Morel",
        authorEmail: "julien.morel@example.com",
        authorUrl: "https://example.com/~jmorel",
        body: "Enfin une annonce batterie qui ne parle pas seulement d'autonomie record. La tenue au froid, c'est exactement ce qui manque à mon téléphone en montagne.",
        status: "approved",
        replies: [
          {
            authorName: "Théo Garnier",
            authorEmail: "theo.garnier@example.com",
            authorUrl: null,
            body: "C'est aussi l'argument qui revenait le plus chez les ingénieurs que j'ai interrogés. Reste à voir les chiffres sur un produit fini.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Sophie Bertin",
        authorEmail: "sophie.bertin@example.org",
        authorUrl: null,
        body: "160 Wh/kg, ça veut dire un téléphone plus lourd à capacité égale, non ? Pour l'entrée de gamme ça peut passer.",
        status: "approved",
        replies: [
          {
            authorName: "Karim Haddad",
            authorEmail: "karim.haddad@example.net",
            authorUrl: "https://example.net/karim",
            body: "Plus lourd de quelques grammes seulement, la batterie ne représente qu'une partie du poids total. Le vrai gain, c'est le prix.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Nicolas Perrin",
        authorEmail: "n.perrin@example.org",
        authorUrl: "https://example.org/nperrin",
        body: "On a déjà entendu ce genre de promesses il y a cinq ans. J'attendrai un test indépendant.",
        status: "approved",
      },
    ],
  },
  // 2
  {
    slug: "norrvik-labs-opens-its-3-nanometre-design-kit-to-early-stage-chipmakers",
    language: "en",
    title: "Norrvik Labs opens its 3-nanometre design kit to early-stage chipmakers",
    lede: "The Swedish design-tools company will let startups tape out test chips on an advanced node for a flat fee. Critics say the real bottleneck is wafer capacity, not software.",
    body: `Norrvik Labs said on Thursday that it will make its **3 nm process design kit** available to startups with fewer than fifty employees, bundling tools, verified IP blocks and a shared multi-project wafer run for a flat fee of 180,000 euros.

Until now, access to leading-edge design kits has typically required lengthy negotiations, non-disclosure agreements stacked several layers deep and minimum commitments that few young companies can meet. Norrvik argues that this keeps interesting ideas stuck on older nodes long after they deserve better.

## What is in the box

The programme, called **Ferry**, includes:

- a standard-cell library characterised for low-voltage operation;
- an SRAM compiler and a handful of interface blocks;
- two shuttle slots per year on a partner foundry's multi-project wafer.

Participants will receive roughly forty packaged test dies each, enough to validate a design but far from enough to ship a product. Norrvik says it will publish anonymised yield data from each shuttle in a [public report](https://example.com/norrvik/ferry-programme) so that teams can compare notes.

## A capacity question

Industry observers welcomed the move but cautioned that tooling is only part of the story. Advanced-node wafer capacity remains tightly allocated, and a startup that succeeds on a shuttle still has to negotiate production volumes against customers a thousand times its size.

Norrvik declined to name its foundry partner, citing contractual reasons, but said the first shuttle would run in February.`,
    status: "published",
    publishedAt: "2026-09-03T13:45:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["semiconductors", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Astrid Holm",
        speakerRole: "CEO of Norrvik Labs",
        text: "A good idea should not need a hundred-million-dollar order book before anyone lets it near a modern node.",
      },
      {
        speaker: "Rafael Mendes",
        speakerRole: "partner at Gantry Ventures",
        text: "Shuttles are great for learning. The painful part comes the day after the test chip works.",
      },
    ],
    sources: [
      {
        title: "Ferry: an advanced-node programme for small design teams",
        publisher: "Norrvik Labs",
        url: "https://example.com/norrvik/ferry-programme",
      },
    ],
    comments: [
      {
        authorName: "Marcus Bell",
        authorEmail: "marcus.bell@example.net",
        authorUrl: "https://example.net/mbell",
        body: "180k for a 3 nm shuttle is honestly cheap. Our last 28 nm MPW run cost more once you add packaging.",
        status: "approved",
        replies: [
          {
            authorName: "Grace Liu",
            authorEmail: "grace.liu@example.org",
            authorUrl: null,
            body: "Does the fee include packaging, though? The article says packaged dies but I couldn't find it in their FAQ.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Tom Reyes",
        authorEmail: "tom.reyes@example.org",
        authorUrl: null,
        body: "The capacity point is the whole story. Nice gesture, but nobody is going to allocate volume to a ten-person team.",
        status: "approved",
      },
    ],
  },
  // 3
  {
    slug: "faille-critique-dans-les-routeurs-corbeau-un-correctif-publie-en-urgence",
    language: "fr",
    title: "Faille critique dans les routeurs Corbeau : un correctif publié en urgence",
    lede: "Une vulnérabilité dans l'interface d'administration permettait de prendre le contrôle des boîtiers à distance. Le fabricant recommande une mise à jour immédiate.",
    body: `Le fabricant de matériel réseau Corbeau Réseaux a publié dans la nuit de jeudi à vendredi un correctif pour une **faille critique** touchant six modèles de routeurs destinés aux petites entreprises. Notée 9,8 sur 10, la vulnérabilité permettait à un attaquant d'exécuter du code sur l'appareil sans s'authentifier, à condition que l'interface d'administration soit exposée sur Internet.

## Une exposition plus large que prévu

Le problème se situe dans le traitement d'un paramètre de la page de diagnostic, transmis tel quel à une commande système. Un chercheur indépendant l'a signalé en juillet ; Corbeau indique avoir mis plusieurs semaines à reproduire le défaut sur l'ensemble de sa gamme.

Selon un balayage réalisé par le laboratoire Sentinelle Numérique, environ **14 000 boîtiers** répondaient encore sur le port d'administration mardi dernier. Beaucoup appartiennent à des cabinets médicaux, des commerces ou des associations qui n'ont pas d'équipe informatique.

## Que faire

Le fabricant recommande de :

1. installer le micrologiciel \`4.2.7\` ou ultérieur ;
2. désactiver l'administration à distance si elle n'est pas indispensable ;
3. changer les mots de passe administrateur après la mise à jour.

Les détails techniques seront publiés dans un [avis de sécurité](https://example.com/corbeau/avis-2026-014) d'ici deux semaines, le temps de laisser les clients appliquer le correctif. Aucune exploitation active n'a été constatée à ce stade, précise l'entreprise.`,
    status: "published",
    publishedAt: "2026-09-05T08:10:00Z",
    authorSlugs: ["margaux-lefevre"],
    tagSlugs: ["security"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Lina Ferrand",
        speakerRole: "chercheuse en sécurité indépendante",
        text: "Une seule requête suffisait. C'est le genre de faille qu'on espérait ne plus voir en 2026.",
      },
      {
        speaker: "Olivier Tasset",
        speakerRole: "responsable sécurité produit chez Corbeau Réseaux",
        text: "Nous aurions dû aller plus vite. Nous revoyons notre processus de traitement des signalements.",
      },
    ],
    sources: [
      {
        title: "Avis de sécurité CR-2026-014",
        publisher: "Corbeau Réseaux",
        url: "https://example.com/corbeau/avis-2026-014",
      },
      {
        title: "Exposition des interfaces d'administration en France",
        publisher: "Sentinelle Numérique",
        url: "https://example.org/sentinelle/exposition-routeurs",
      },
    ],
    comments: [
      {
        authorName: "Karim Haddad",
        authorEmail: "karim.haddad@example.net",
        authorUrl: "https://example.net/karim",
        body: "Mise à jour faite sur les deux boîtiers du cabinet de ma sœur. L'interface de mise à jour est toujours aussi peu claire, soit dit en passant.",
        status: "approved",
      },
      {
        authorName: "Amandine Roux",
        authorEmail: "amandine.roux@example.net",
        authorUrl: null,
        body: "Pourquoi l'administration à distance est-elle activée par défaut sur ce type de matériel ? C'est la vraie question.",
        status: "approved",
        replies: [
          {
            authorName: "Lucas Fabre",
            authorEmail: "lucas.fabre@example.com",
            authorUrl: null,
            body: "Sur mon modèle elle ne l'était pas, c'est l'installateur qui l'avait activée pour faire de la télémaintenance.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Promo Routeurs Pas Chers",
        authorEmail: "promo@example.net",
        authorUrl: "https://example.net/promo-routeurs",
        body: "ROUTEURS -70% !!! Livraison gratuite, cliquez ici https://example.net/promo-routeurs et ici https://example.net/bonus avant ce soir !!!",
        status: "spam",
      },
    ],
  },
  // 4
  {
    slug: "orbital-startup-skyvane-dynamics-completes-first-in-space-refuelling-test",
    language: "en",
    title: "Orbital startup Skyvane Dynamics completes first in-space refuelling test",
    lede: "A shoebox-sized tanker transferred twelve kilograms of propellant to a target satellite. The company now wants paying customers by 2028.",
    body: `Skyvane Dynamics says its **Petrel** tanker demonstrator has transferred 12 kg of xenon propellant to a partner satellite in low Earth orbit, a milestone the four-year-old startup has been promising since its seed round.

The transfer took place over roughly forty minutes after an autonomous approach that brought the two spacecraft within half a metre of each other. Skyvane released a short, grainy video from a docking camera and a [telemetry summary](https://example.com/skyvane/petrel-results) showing pressure in both tanks converging as expected.

## Why refuelling matters

Most satellites retire not because their electronics fail but because they run out of propellant to hold their orbit. Extending a mission by even a few years can be worth tens of millions for an operator, which is why several companies are now racing to offer fuel deliveries, tugs and repair visits.

Skyvane's approach relies on a standardised valve that satellites would need to carry from launch. That is a chicken-and-egg problem: operators will not fit the valve without a service, and the service has no customers without the valve.

## Next steps

The company says three satellite manufacturers have agreed to include its port on upcoming buses, and it plans a larger tanker capable of carrying 150 kg of propellant. It is also raising a Series B, though it would not say how much it is seeking.

Independent engineers noted that the test used a cooperative target designed by Skyvane itself, which is far easier than servicing a satellite built by someone else.`,
    status: "published",
    publishedAt: "2026-09-08T07:00:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["space", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Joanna Pike",
        speakerRole: "co-founder and CTO of Skyvane Dynamics",
        text: "Forty minutes of very boring telemetry. That is exactly what we wanted.",
      },
      {
        speaker: "Kenji Arakawa",
        speakerRole: "orbital mechanics consultant",
        text: "Docking with your own purpose-built target is the training-wheels version. It is still a real achievement.",
      },
    ],
    sources: [
      {
        title: "Petrel demonstrator: mission results",
        publisher: "Skyvane Dynamics",
        url: "https://example.com/skyvane/petrel-results",
      },
    ],
    comments: [
      {
        authorName: "Aisha Bello",
        authorEmail: "aisha.bello@example.net",
        authorUrl: "https://example.net/aisha",
        body: "The chicken-and-egg point about the valve is spot on. Feels like the USB-C moment the industry needs but won't agree on.",
        status: "approved",
        replies: [
          {
            authorName: "Sam Whitfield",
            authorEmail: "sam.whitfield@example.com",
            authorUrl: "https://example.com/sam",
            body: "Except there are already three competing 'standard' ports. So more like the early days of phone chargers.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Oliver Grant",
        authorEmail: "oliver.grant@example.com",
        authorUrl: null,
        body: "Would love a follow-up on how they handle a tumbling target. That seems like the hard problem.",
        status: "approved",
      },
    ],
  },
  // 5
  {
    slug: "le-cloud-souverain-nebuleuse-ouvre-une-region-a-lyon",
    language: "fr",
    title: "Le cloud souverain Nébuleuse ouvre une région à Lyon",
    lede: "L'hébergeur ajoute trois zones de disponibilité dans la vallée du Rhône. Il vise les collectivités et les hôpitaux qui veulent garder leurs données en France.",
    body: `L'hébergeur Nébuleuse a ouvert lundi sa deuxième **région cloud**, installée dans l'agglomération lyonnaise. Elle comprend trois zones de disponibilité réparties sur des bâtiments distincts, distants de 8 à 25 kilomètres, et reliées par des fibres redondantes.

Jusqu'ici, l'entreprise ne proposait qu'une région en Île-de-France, ce qui limitait l'intérêt de son offre pour les clients soucieux de plans de reprise d'activité. Avec Lyon, un client peut désormais répliquer ses données entre deux régions sans qu'elles quittent le territoire.

## Une offre encore resserrée

Le catalogue de la nouvelle région reste plus modeste que celui des géants américains : machines virtuelles, stockage objet compatible S3, bases PostgreSQL managées et un service Kubernetes. Les GPU n'arriveront qu'au deuxième trimestre 2027.

Nébuleuse revendique **1 200 clients**, dont une majorité de collectivités, d'établissements de santé et d'éditeurs de logiciels qui répondent à des appels d'offres publics. L'entreprise publie ses engagements de localisation dans une [charte](https://example.org/nebuleuse/charte-donnees) que ses clients peuvent annexer à leurs contrats.

## Le prix, argument secondaire

Contrairement à d'autres acteurs, Nébuleuse ne prétend pas être moins chère. Ses tarifs de calcul sont comparables à ceux du marché, ceux du trafic sortant nettement plus bas, ce qui peut peser pour les services qui diffusent beaucoup de fichiers.`,
    status: "published",
    publishedAt: "2026-09-09T16:20:00Z",
    authorSlugs: ["camille-renaud", "theo-garnier"],
    tagSlugs: ["cloud"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Hélène Castagné",
        speakerRole: "présidente de Nébuleuse",
        text: "Une seule région, c'était une promesse incomplète. Avec Lyon, nos clients peuvent enfin construire quelque chose de résilient.",
      },
    ],
    sources: [
      {
        title: "Charte de localisation des données",
        publisher: "Nébuleuse",
        url: "https://example.org/nebuleuse/charte-donnees",
      },
    ],
    comments: [
      {
        authorName: "Élodie Vasseur",
        authorEmail: "elodie.vasseur@example.com",
        authorUrl: null,
        body: "Pas de GPU avant 2027, c'est dommage, c'est justement ce que nos équipes demandent.",
        status: "approved",
      },
      {
        authorName: "Nicolas Perrin",
        authorEmail: "n.perrin@example.org",
        authorUrl: "https://example.org/nperrin",
        body: "Le trafic sortant moins cher est un vrai argument pour nous. On diffuse beaucoup de vidéo pédagogique.",
        status: "approved",
      },
    ],
  },
  // 6
  {
    slug: "quillstones-coding-assistant-now-writes-tests-by-default-and-developers-are-split",
    language: "en",
    title: "Quillstone's coding assistant now writes tests by default, and developers are split",
    lede: "The AI tool will propose unit tests alongside every function it generates. Some teams love the nudge; others say it buries reviewers in plausible-looking noise.",
    body: `Quillstone has flipped a switch that its users will notice immediately: from this week, its AI coding assistant **generates unit tests by default** whenever it writes or substantially edits a function. Developers can turn the behaviour off per project, but the company is clearly betting that most will not.

The change follows an internal study in which Quillstone compared pull requests from teams with and without the feature enabled. According to the company, merged code written with automatic tests had 23% fewer bug reports in the following month. The study has not been independently reviewed, and Quillstone has only published a [summary](https://example.com/quillstone/tests-by-default) rather than the underlying data.

## More tests, more reading

Early reactions from developers have been mixed. Supporters say the assistant catches edge cases they would skip under deadline pressure, and that deleting a bad test is quicker than writing a good one. Critics point out that generated tests tend to mirror the implementation they are testing: if the function is wrong, the test often confirms the mistake.

There is also a workload question. A pull request that used to contain forty lines of code may now arrive with a hundred and twenty lines of tests, and someone still has to review them.

## Configuration matters

Quillstone says teams can steer the feature through a project file. Setting \`tests.style = "property"\` asks the assistant to favour property-based tests, which some engineers argue are harder to game. Another option limits generation to public functions only.

The company also confirmed that the assistant's cloud back end now runs test suites in an isolated sandbox before suggesting them, so that obviously broken tests are discarded. That sandbox time is billed against each team's compute quota, a detail that has not gone unnoticed on forums.

For now, the feature is enabled for all paid plans. Free-tier users will get it next month.`,
    status: "published",
    publishedAt: "2026-09-11T09:30:00Z",
    authorSlugs: ["priya-nair"],
    tagSlugs: ["ai", "cloud"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Devika Rao",
        speakerRole: "head of developer experience at Quillstone",
        text: "Nobody is forced to keep a single generated test. We just think the default should be that tests exist.",
      },
      {
        speaker: "Felix Brandt",
        speakerRole: "staff engineer at Larchmont Payments",
        text: "A test written by the same mind as the code is a second opinion from the same doctor.",
      },
      {
        speaker: "Mei Tanaka",
        speakerRole: null,
        text: "We turned it on for a week. Coverage went up, review time doubled, and we found two real bugs. I honestly don't know if that's a good trade.",
      },
    ],
    sources: [
      {
        title: "Tests by default: what we learned",
        publisher: "Quillstone",
        url: "https://example.com/quillstone/tests-by-default",
      },
      {
        title: "Do generated tests catch generated bugs?",
        publisher: "The Compile Times",
        url: "https://example.net/compile-times/generated-tests",
      },
    ],
    comments: [
      {
        authorName: "Sam Whitfield",
        authorEmail: "sam.whitfield@example.com",
        authorUrl: "https://example.com/sam",
        body: "The 'same doctor' quote is exactly my experience. The tests pass because they encode whatever the function happens to do.",
        status: "approved",
        replies: [
          {
            authorName: "Grace Liu",
            authorEmail: "grace.liu@example.org",
            authorUrl: null,
            body: "That's true for example-based tests. Property-based ones are better because you have to state an invariant, not an output.",
            status: "approved",
            replies: [
              {
                authorName: "Sam Whitfield",
                authorEmail: "sam.whitfield@example.com",
                authorUrl: "https://example.com/sam",
                body: "Fair, but then the model picks the invariant too. You're still trusting it to know what the code is for.",
                status: "approved",
                replies: [
                  {
                    authorName: "Grace Liu",
                    authorEmail: "grace.liu@example.org",
                    authorUrl: null,
                    body: "Sure, which is why the reviewer should read the properties first and the code second. Flips the review order, but it works for us.",
                    status: "approved",
                  },
                ],
              },
            ],
          },
          {
            authorName: "Priya Nair",
            authorEmail: "priya.nair@example.com",
            authorUrl: null,
            body: "Several engineers I spoke to made the same point. Quillstone says the sandbox step discards tests that pass against deliberately mutated code, but it hasn't shared how often that happens.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Marcus Bell",
        authorEmail: "marcus.bell@example.net",
        authorUrl: "https://example.net/mbell",
        body: "Tripled pull request size for the same feature. Our reviewers are already the bottleneck, this makes it worse.",
        status: "approved",
        replies: [
          {
            authorName: "Hannah Kowalski",
            authorEmail: "hannah.k@example.com",
            authorUrl: null,
            body: "We solved that by putting generated tests in a separate commit and only spot-checking them. Not perfect, but review time went back to normal.",
            status: "approved",
          },
          {
            authorName: "Dev Tools Discount",
            authorEmail: "deals@example.net",
            authorUrl: "https://example.net/cheap-licences",
            body: "Tired of slow reviews??? Get 90% OFF lifetime licences for ALL AI tools at https://example.net/cheap-licences !!! Limited offer https://example.net/cheap-licences/now",
            status: "spam",
          },
        ],
      },
      {
        authorName: "Hannah Kowalski",
        authorEmail: "hannah.k@example.com",
        authorUrl: null,
        body: "Honest question: is the 23% fewer bug reports number just a selection effect? Teams that enable tests are probably more careful anyway.",
        status: "approved",
        replies: [
          {
            authorName: "Tom Reyes",
            authorEmail: "tom.reyes@example.org",
            authorUrl: null,
            body: "They say it was enabled by default for a random half of accounts during the study, so maybe not. But without the data, who knows.",
            status: "approved",
            replies: [
              {
                authorName: "Nina Patel",
                authorEmail: "nina.patel@example.org",
                authorUrl: null,
                body: "Random assignment of accounts, but teams could still switch it off. So the people who kept it are self-selected again.",
                status: "pending",
              },
            ],
          },
        ],
      },
      {
        authorName: "Tom Reyes",
        authorEmail: "tom.reyes@example.org",
        authorUrl: null,
        body: "Billing the sandbox runs against our compute quota is the part that annoys me. Feels like a price increase in disguise.",
        status: "approved",
      },
      {
        authorName: "Aisha Bello",
        authorEmail: "aisha.bello@example.net",
        authorUrl: "https://example.net/aisha",
        body: "We turned it on for our data pipeline repo and it found an off-by-one in a date range that had been there for two years. I'm a convert, reluctantly.",
        status: "approved",
      },
      {
        authorName: "Oliver Grant",
        authorEmail: "oliver.grant@example.com",
        authorUrl: null,
        body: "Defaults matter. Most people never change settings, so this is effectively making tests mandatory for millions of developers.",
        status: "approved",
      },
      {
        authorName: "Nina Patel",
        authorEmail: "nina.patel@example.org",
        authorUrl: null,
        body: "Good article. Would be great to see the same comparison for integration tests, which is where most of our bugs actually live.",
        status: "approved",
      },
      {
        authorName: "Ravi Menon",
        authorEmail: "ravi.menon@example.com",
        authorUrl: "https://example.com/ravi",
        body: "The tests it wrote for our Go service were fine, the ones for our React components were mostly snapshot tests, which are close to useless.",
        status: "approved",
      },
      {
        authorName: "Beatrice Okoye",
        authorEmail: "b.okoye@example.org",
        authorUrl: null,
        body: "As a junior dev I actually learn a lot from reading the tests it writes. It shows me cases I hadn't thought of.",
        status: "approved",
        replies: [
          {
            authorName: "Felix Stroud",
            authorEmail: "felix.stroud@example.net",
            authorUrl: null,
            body: "Same here, as long as you treat them as suggestions. Try breaking the function on purpose and see which tests notice.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Connor Walsh",
        authorEmail: "connor.walsh@example.com",
        authorUrl: null,
        body: "Turned it off after two days. Not because it's bad, but because our CI bill jumped.",
        status: "approved",
      },
      {
        authorName: "Lucia Romano",
        authorEmail: "lucia.romano@example.net",
        authorUrl: "https://example.net/lucia",
        body: "The property-based option is the interesting bit and it's buried in the docs. Should be the default, in my opinion.",
        status: "approved",
      },
      {
        authorName: "Ethan Brooks",
        authorEmail: "ethan.brooks@example.org",
        authorUrl: null,
        body: "Can we talk about how the tests mirror the naming conventions of whatever file they're in, including the bad ones? Entertaining, at least.",
        status: "approved",
      },
      {
        authorName: "Grace Liu",
        authorEmail: "grace.liu@example.org",
        authorUrl: null,
        body: "One more thought: generated tests are great documentation for legacy code nobody understands. That use case alone justifies it for us.",
        status: "approved",
      },
      {
        authorName: "Yusuf Demir",
        authorEmail: "yusuf.demir@example.com",
        authorUrl: null,
        body: "We limit it to public functions, as mentioned in the article. Keeps the noise down a lot.",
        status: "approved",
      },
      {
        authorName: "Chloe Bennett",
        authorEmail: "chloe.bennett@example.net",
        authorUrl: "https://example.net/chloe",
        body: "I'd like to know whether the mutation check runs on every suggestion or just a sample. That changes how much I trust the output.",
        status: "approved",
      },
      {
        authorName: "Marcus Bell",
        authorEmail: "marcus.bell@example.net",
        authorUrl: "https://example.net/mbell",
        body: "Update after a week: we kept it on, but with a rule that generated tests can't exceed the size of the change. Seems like a reasonable middle ground.",
        status: "approved",
      },
      {
        authorName: "Isaac Foley",
        authorEmail: "isaac.foley@example.com",
        authorUrl: null,
        body: "Flaky generated tests are the worst of both worlds. Had three in one morning, all relying on dictionary ordering.",
        status: "approved",
      },
      {
        authorName: "Harriet Lyle",
        authorEmail: "harriet.lyle@example.org",
        authorUrl: null,
        body: "Our compliance team is thrilled, our developers less so. Coverage numbers look great in audit reports.",
        status: "approved",
      },
      {
        authorName: "Sam Whitfield",
        authorEmail: "sam.whitfield@example.com",
        authorUrl: "https://example.com/sam",
        body: "To be fair to Quillstone, the opt-out is a single line in the config. Not exactly a dark pattern.",
        status: "approved",
      },
      {
        authorName: "Diego Alvarez",
        authorEmail: "diego.alvarez@example.net",
        authorUrl: null,
        body: "Does anyone know if it respects existing test frameworks? It switched one of our projects from one runner to another without asking.",
        status: "approved",
        replies: [
          {
            authorName: "Ravi Menon",
            authorEmail: "ravi.menon@example.com",
            authorUrl: "https://example.com/ravi",
            body: "It reads the lockfile, so if both runners are listed it picks one more or less at random. Removing the unused one fixed it for us.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Naomi Fischer",
        authorEmail: "naomi.fischer@example.org",
        authorUrl: "https://example.org/naomi",
        body: "I teach an intro programming course and I worry about students never learning to write a test themselves.",
        status: "approved",
      },
      {
        authorName: "Peter Lindqvist",
        authorEmail: "peter.lindqvist@example.com",
        authorUrl: null,
        body: "Tests by default is good. Tests by default that the author didn't think about is less good. The tool can't fix culture.",
        status: "approved",
      },
      {
        authorName: "Aisha Bello",
        authorEmail: "aisha.bello@example.net",
        authorUrl: "https://example.net/aisha",
        body: "Follow-up to my earlier comment: it also found a timezone bug in the same repo. Two for two so far.",
        status: "approved",
      },
      {
        authorName: "Wendy Zhao",
        authorEmail: "wendy.zhao@example.net",
        authorUrl: null,
        body: "The sandbox rejecting broken tests is the key feature here, and it got one paragraph. I'd read a whole piece on how it works.",
        status: "approved",
      },
      {
        authorName: "Oliver Grant",
        authorEmail: "oliver.grant@example.com",
        authorUrl: null,
        body: "Also worth noting: generated tests become maintenance burden when the code changes. Someone has to update or delete them.",
        status: "approved",
      },
      {
        authorName: "Kofi Mensah",
        authorEmail: "kofi.mensah@example.com",
        authorUrl: null,
        body: "We measured it on our side: 18% more lines reviewed per PR, no measurable change in escaped defects over six weeks. Small team, so take it with salt.",
        status: "approved",
      },
      {
        authorName: "Rosa Jimenez",
        authorEmail: "rosa.jimenez@example.org",
        authorUrl: null,
        body: "I'd pay extra for a mode that only writes tests for the bugs it thinks are likely, instead of covering every trivial getter.",
        status: "approved",
      },
      {
        authorName: "Tom Reyes",
        authorEmail: "tom.reyes@example.org",
        authorUrl: null,
        body: "Good balanced piece, thanks. Nice to read something about AI tools that isn't either hype or doom.",
        status: "approved",
      },
      {
        authorName: "Lena Vogt",
        authorEmail: "lena.vogt@example.net",
        authorUrl: null,
        body: "Generated tests caught nothing for us, but they did make a refactor much less scary. That counts for something.",
        status: "approved",
      },
      {
        authorName: "Nina Patel",
        authorEmail: "nina.patel@example.org",
        authorUrl: null,
        body: "Is there any word on whether the free tier will get the sandbox check too, or just the generation?",
        status: "pending",
      },
      {
        authorName: "Jack Turner",
        authorEmail: "jack.turner@example.com",
        authorUrl: null,
        body: "Our team lead made us turn it on and now every PR is 300 lines. Please send help.",
        status: "pending",
      },
      {
        authorName: "SEO Booster Pro",
        authorEmail: "ranking@example.net",
        authorUrl: "https://example.net/seo-booster",
        body: "Great post!!! Want #1 ranking on search? Visit https://example.net/seo-booster and https://example.net/seo-booster/free-trial for guaranteed traffic!!!",
        status: "spam",
      },
      {
        authorName: "Connor Walsh",
        authorEmail: "connor.walsh@example.com",
        authorUrl: null,
        body: "test",
        status: "trash",
      },
    ],
  },
  // 7
  {
    slug: "semi-conducteurs-la-fonderie-altesia-double-sa-capacite-en-isere",
    language: "fr",
    title: "Semi-conducteurs : la fonderie Altésia double sa capacité en Isère",
    lede: "Le fondeur spécialisé dans les puces de puissance investit 1,4 milliard d'euros dans une nouvelle salle blanche. Objectif : répondre à la demande des véhicules électriques et des centres de données.",
    body: `Altésia a annoncé jeudi un investissement de **1,4 milliard d'euros** pour construire une seconde salle blanche sur son site de Val-d'Orsène, en Isère. À terme, l'usine doit doubler la capacité de production du groupe en plaquettes de carbure de silicium de 200 mm.

Ces puces de puissance ne font pas la une comme les processeurs d'intelligence artificielle, mais elles sont partout : dans les onduleurs des voitures électriques, les chargeurs rapides, les alimentations des serveurs ou les onduleurs solaires. Leur principal atout est de perdre moins d'énergie sous forme de chaleur que le silicium classique.

## Un chantier de trois ans

Les travaux doivent commencer en janvier, pour une mise en production progressive à partir de 2029. Le site emploiera environ **600 personnes supplémentaires**, dont une bonne moitié de techniciens, un profil que toute la filière s'arrache déjà.

Altésia précise que la nouvelle salle blanche récupérera la chaleur de ses équipements pour alimenter un réseau de chauffage local, et qu'elle recyclera près de 70 % de son eau ultrapure. Le groupe détaille ces engagements dans son [dossier de présentation](https://example.com/altesia/extension-2029).

## Un marché plus volatil qu'il n'y paraît

Après deux années de forte croissance, les commandes de composants pour l'automobile ont marqué le pas au premier semestre. La direction assure que les contrats de long terme signés avec trois équipementiers couvrent l'essentiel de la future production.`,
    status: "published",
    publishedAt: "2026-09-14T06:45:00Z",
    authorSlugs: ["theo-garnier"],
    tagSlugs: ["semiconductors"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Marc-Antoine Vidal",
        speakerRole: "directeur général d'Altésia",
        text: "Le carbure de silicium est la brique de base de l'électrification. Nous voulons qu'une partie de cette brique soit fabriquée ici.",
      },
      {
        speaker: "Bastien Roy",
        speakerRole: "analyste chez Cadran Research",
        text: "Le pari est raisonnable, mais 2029 c'est loin. Le marché aura changé deux fois d'ici là.",
      },
    ],
    sources: [
      {
        title: "Extension du site de Val-d'Orsène : dossier de présentation",
        publisher: "Altésia",
        url: "https://example.com/altesia/extension-2029",
      },
    ],
    comments: [
      {
        authorName: "Lucas Fabre",
        authorEmail: "lucas.fabre@example.com",
        authorUrl: null,
        body: "Bonne nouvelle pour la région, mais où vont-ils trouver 600 techniciens ? Les BTS du coin sont déjà pleins.",
        status: "approved",
        replies: [
          {
            authorName: "Chloé Marchand",
            authorEmail: "chloe.marchand@example.org",
            authorUrl: null,
            body: "Ils annoncent une école interne, d'après le dossier de presse. Page 14.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Julien Morel",
        authorEmail: "julien.morel@example.com",
        authorUrl: "https://example.com/~jmorel",
        body: "Merci pour l'explication sur le carbure de silicium, je n'avais jamais compris à quoi ça servait concrètement.",
        status: "approved",
      },
    ],
  },
  // 8
  {
    slug: "password-managers-face-a-wave-of-autofill-phishing-researchers-warn",
    language: "en",
    title: "Password managers face a wave of autofill phishing, researchers warn",
    lede: "Attackers are hiding login forms inside legitimate-looking pages to trick browser extensions into filling in credentials. Several vendors have shipped fixes, but not all.",
    body: `Security researchers at Lantern Security Group say they have observed a sharp rise in **autofill phishing**, a technique that abuses password manager extensions rather than fooling users directly.

The attack is simple in principle. A malicious page, often a compromised blog or a comment section on a trusted domain, includes an invisible login form. When a password manager decides the form belongs to a site it knows, it may fill in saved credentials automatically, or with a single click that users perform out of habit. A script then sends the values to the attacker.

## Who is affected

Lantern tested eleven popular password managers over the summer. Four filled credentials into hidden fields without any interaction, three required a click but gave no warning that the form was invisible, and four refused outright. The group has published the [full results](https://example.org/lantern/autofill-2026), naming only the vendors that have already patched.

## What users can do

The researchers recommend a few defensive habits:

- disable **automatic** filling and require an explicit action for every login;
- check that the address bar shows the expected domain before filling;
- prefer passkeys where a site supports them, since they are bound to the origin.

Vendors contacted for this article mostly pointed to updates released in the past month. One said it was "evaluating the report" and declined further comment.

The technique is not new; variations have been described for years. What has changed, Lantern argues, is that off-the-shelf phishing kits now include it as a checkbox option.`,
    status: "published",
    publishedAt: "2026-09-16T12:00:00Z",
    authorSlugs: ["priya-nair"],
    tagSlugs: ["security"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Owen Marsh",
        speakerRole: "principal researcher at Lantern Security Group",
        text: "The user never sees a login page. From their point of view, nothing happened at all.",
      },
      {
        speaker: "Carla Nguyen",
        speakerRole: "security lead at a European bank",
        text: "Passkeys fix this class of problem almost entirely. The hard part is the long tail of sites that still don't support them.",
      },
    ],
    sources: [
      {
        title: "Invisible forms: autofill phishing in 2026",
        publisher: "Lantern Security Group",
        url: "https://example.org/lantern/autofill-2026",
      },
    ],
    comments: [
      {
        authorName: "Chloe Bennett",
        authorEmail: "chloe.bennett@example.net",
        authorUrl: "https://example.net/chloe",
        body: "Turned off autofill on everything after reading this. Slightly more annoying, much less scary.",
        status: "approved",
      },
      {
        authorName: "Marcus Bell",
        authorEmail: "marcus.bell@example.net",
        authorUrl: "https://example.net/mbell",
        body: "Why not name all eleven vendors? Users of the unpatched ones deserve to know.",
        status: "approved",
        replies: [
          {
            authorName: "Priya Nair",
            authorEmail: "priya.nair@example.com",
            authorUrl: null,
            body: "Lantern says it will publish the remaining names after a 90-day disclosure window, which ends in November. We'll update the article then.",
            status: "approved",
            replies: [
              {
                authorName: "Marcus Bell",
                authorEmail: "marcus.bell@example.net",
                authorUrl: "https://example.net/mbell",
                body: "Makes sense, thanks for the reply.",
                status: "approved",
              },
            ],
          },
        ],
      },
    ],
  },
  // 9
  {
    slug: "pliables-le-lumio-fold-3-promet-un-ecran-sans-pli-visible",
    language: "fr",
    title: "Pliables : le Lumio Fold 3 promet un écran sans pli visible",
    lede: "Le constructeur mise sur une nouvelle charnière en goutte d'eau et un verre plus épais. Prix annoncé : 1 499 euros.",
    body: `Lumio a présenté mercredi son **Fold 3**, troisième génération de son smartphone pliant. L'argument principal tient en une phrase : le pli au centre de l'écran serait désormais invisible à l'œil nu, même en lumière rasante.

Pour y parvenir, la marque a revu sa charnière. Au lieu de plier la dalle à angle vif, celle-ci décrit une courbe en forme de goutte d'eau à l'intérieur du châssis, ce qui réduit la contrainte mécanique. Le verre ultrafin qui protège l'écran passe par ailleurs de 30 à 50 micromètres d'épaisseur.

## Un appareil plus léger

Malgré ce verre plus épais, le Fold 3 pèse **219 grammes**, soit 24 de moins que son prédécesseur. Lumio a remplacé une partie du châssis en acier par un alliage de titane et réduit la taille de la batterie, qui passe à 4 600 mAh. Un choix qui risque de faire grincer des dents, même si la marque promet une autonomie équivalente grâce à une puce plus sobre.

Autres nouveautés :

- un écran externe de 6,4 pouces au format classique ;
- une certification d'étanchéité IP58 ;
- sept ans de mises à jour du système.

## Le prix reste un frein

À 1 499 euros, le Fold 3 reste réservé à une clientèle aisée. Selon les chiffres du cabinet Cadran Research, les pliants représentent toujours moins de 2 % des ventes de smartphones en Europe. Lumio détaille les caractéristiques complètes sur sa [fiche produit](https://example.com/lumio/fold3).`,
    status: "published",
    publishedAt: "2026-09-18T07:15:00Z",
    authorSlugs: ["camille-renaud"],
    tagSlugs: ["smartphones"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Yann Kerbrat",
        speakerRole: "vice-président produit chez Lumio",
        text: "Pendant trois ans, on nous a parlé du pli. Nous pensons avoir enfin tourné la page.",
      },
    ],
    sources: [
      {
        title: "Lumio Fold 3 : caractéristiques techniques",
        publisher: "Lumio",
        url: "https://example.com/lumio/fold3",
      },
      {
        title: "Marché européen des smartphones, deuxième trimestre",
        publisher: "Cadran Research",
        url: "https://example.org/cadran/smartphones-t2",
      },
    ],
    comments: [
      {
        authorName: "Sophie Bertin",
        authorEmail: "sophie.bertin@example.org",
        authorUrl: null,
        body: "Une batterie plus petite en 2026, vraiment ? J'ai du mal à comprendre ce choix.",
        status: "approved",
        replies: [
          {
            authorName: "Camille Renaud",
            authorEmail: "camille.renaud@example.com",
            authorUrl: null,
            body: "Lumio justifie ce choix par le poids et la nouvelle puce. Nous le vérifierons dans notre test complet, prévu dans quelques semaines.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Karim Haddad",
        authorEmail: "karim.haddad@example.net",
        authorUrl: "https://example.net/karim",
        body: "Sept ans de mises à jour, c'est le vrai progrès à mon avis. Ça rend le prix un peu moins absurde.",
        status: "approved",
      },
      {
        authorName: "Chloé Marchand",
        authorEmail: "chloe.marchand@example.org",
        authorUrl: null,
        body: "J'ai eu le Fold 2 en main, le pli était déjà discret. Curieuse de comparer.",
        status: "approved",
      },
      {
        authorName: "Mathieu Lenoir",
        authorEmail: "mathieu.lenoir@example.com",
        authorUrl: null,
        body: "Quelqu'un sait si la charnière est réparable séparément ? Sur le modèle précédent c'était tout l'écran à changer.",
        status: "pending",
      },
    ],
  },
  // 10
  {
    slug: "voltaia-signs-grid-storage-deal-with-nordic-utility-fjordvik-energi",
    language: "en",
    title: "Voltaïa signs grid-storage deal with Nordic utility Fjordvik Energi",
    lede: "The French battery startup will supply 400 MWh of sodium-ion storage over three years. It is its largest contract to date and a test of its manufacturing plans.",
    body: `Voltaïa, the Grenoble-based startup best known for its sodium-ion phone batteries, has signed a contract to supply **400 MWh of grid storage** to Fjordvik Energi, a Norwegian utility, over the next three years.

The cells will be installed in containerised units next to two wind farms on the country's west coast, where they are meant to absorb production peaks and smooth delivery to the grid. Sodium-ion's tolerance of cold weather was a deciding factor, according to the utility, which says lithium-ion installations at the same sites needed heating for much of the winter.

## A bigger bet than phones

For Voltaïa, stationary storage is arguably a more natural market than smartphones. Weight and volume matter far less in a shipping container than in a pocket, and the lower cost of raw materials shows up more clearly at scale.

The deal also puts pressure on the company's production timeline. Its current pilot line in Isère produces roughly 0.5 GWh a year; the contract alone will absorb a large share of that capacity unless a second line, announced for late 2027, arrives on schedule.

## Financing

Voltaïa said the contract had helped it close a 90-million-euro debt facility with a consortium of banks. Details of the financing are available in a [company statement](https://example.com/voltaia/fjordvik-contract). The startup has not disclosed the contract's value.`,
    status: "published",
    publishedAt: "2026-09-21T15:30:00Z",
    authorSlugs: ["daniel-okafor", "theo-garnier"],
    tagSlugs: ["energy", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Inès Marchetti",
        speakerRole: "product director at Voltaïa",
        text: "Phones made people notice us. Grid storage is where sodium-ion will make the biggest difference, and this contract proves we can compete there.",
      },
      {
        speaker: "Sigrid Aalto",
        speakerRole: "head of storage at Fjordvik Energi",
        text: "We spent two winters heating battery containers. We would rather spend that energy on the grid.",
      },
    ],
    sources: [
      {
        title: "Voltaïa and Fjordvik Energi sign 400 MWh storage agreement",
        publisher: "Voltaïa",
        url: "https://example.com/voltaia/fjordvik-contract",
      },
    ],
    comments: [
      {
        authorName: "Lena Vogt",
        authorEmail: "lena.vogt@example.net",
        authorUrl: null,
        body: "Heating battery containers with wind power to store wind power. Energy transition is full of ironies.",
        status: "approved",
      },
      {
        authorName: "Kofi Mensah",
        authorEmail: "kofi.mensah@example.com",
        authorUrl: null,
        body: "0.5 GWh a year of capacity versus a 400 MWh contract is a tight squeeze. Hope the second line isn't late.",
        status: "approved",
        replies: [
          {
            authorName: "Oliver Grant",
            authorEmail: "oliver.grant@example.com",
            authorUrl: null,
            body: "Over three years though, so about 130 MWh a year. Still a quarter of their output.",
            status: "approved",
          },
        ],
      },
    ],
  },
  // 11
  {
    slug: "start-up-pollinia-leve-40-millions-d-euros-pour-ses-modeles-d-ia-frugaux",
    language: "fr",
    title: "Start-up : Pollinia lève 40 millions d'euros pour ses modèles d'IA frugaux",
    lede: "La jeune pousse nantaise conçoit des modèles de langage capables de tourner sur un simple ordinateur portable. Elle compte recruter une centaine de personnes d'ici un an.",
    body: `Pollinia a bouclé une levée de fonds de **40 millions d'euros** menée par le fonds Horizon Capital, avec la participation de plusieurs investisseurs historiques. Fondée il y a deux ans à Nantes, la start-up développe des modèles de langage de petite taille, pensés pour fonctionner sans connexion et sur du matériel grand public.

Son modèle phare, baptisé **Abeille-3B**, compte trois milliards de paramètres. Pollinia affirme qu'il atteint, sur des tâches de rédaction administrative et de résumé de documents en français, des performances comparables à des modèles dix fois plus gros. L'entreprise publie ses résultats sur un [banc d'essai ouvert](https://example.org/pollinia/banc-essai), que d'autres équipes peuvent reproduire.

## La sobriété comme argument commercial

Le discours de Pollinia tranche avec la course à la taille. Ses clients, surtout des collectivités et des cabinets juridiques, veulent garder leurs documents sur leurs propres machines et maîtriser leur facture d'électricité. Faire tourner un modèle localement évite aussi les coûts d'inférence dans le cloud, qui grimpent vite avec l'usage.

## Des recrutements à venir

L'argent servira principalement à recruter : une centaine de postes sont prévus, dont une moitié d'ingénieurs. Pollinia veut aussi ouvrir un bureau à Montréal pour adapter ses modèles au français canadien.

Reste une inconnue : la capacité d'une petite structure à suivre le rythme de publication des grands laboratoires, qui sortent de nouveaux modèles tous les trois mois.`,
    status: "published",
    publishedAt: "2026-09-23T09:00:00Z",
    authorSlugs: ["margaux-lefevre"],
    tagSlugs: ["ai", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Anaïs Robin",
        speakerRole: "cofondatrice et directrice générale de Pollinia",
        text: "Un modèle qui tient sur un portable, c'est un modèle que nos clients peuvent réellement contrôler.",
      },
      {
        speaker: "Grégoire Sallé",
        speakerRole: "associé chez Horizon Capital",
        text: "Nous ne misons pas sur le plus gros modèle, mais sur celui que les gens utiliseront vraiment au quotidien.",
      },
    ],
    sources: [
      {
        title: "Abeille-3B : résultats sur le banc d'essai administratif",
        publisher: "Pollinia",
        url: "https://example.org/pollinia/banc-essai",
      },
    ],
    comments: [
      {
        authorName: "Élodie Vasseur",
        authorEmail: "elodie.vasseur@example.com",
        authorUrl: null,
        body: "On teste Abeille-3B à la mairie depuis un mois pour les comptes rendus de conseil. Franchement bluffant pour la taille.",
        status: "approved",
        replies: [
          {
            authorName: "Nicolas Perrin",
            authorEmail: "n.perrin@example.org",
            authorUrl: "https://example.org/nperrin",
            body: "Sur quel matériel ? On hésite entre des portables récents et un petit serveur partagé.",
            status: "approved",
            replies: [
              {
                authorName: "Élodie Vasseur",
                authorEmail: "elodie.vasseur@example.com",
                authorUrl: null,
                body: "Des portables de l'an dernier avec 32 Go de mémoire. C'est un peu lent sur les longs documents, mais utilisable.",
                status: "approved",
              },
            ],
          },
        ],
      },
      {
        authorName: "Gagnez Plus",
        authorEmail: "gains@example.net",
        authorUrl: "https://example.net/gagnez-plus",
        body: "Investissez dans l'IA et gagnez 5000€ par semaine !!! Méthode secrète sur https://example.net/gagnez-plus — inscription gratuite https://example.net/gagnez-plus/go",
        status: "spam",
      },
    ],
  },
  // 12
  {
    slug: "meridane-cloud-outage-traced-to-a-misconfigured-certificate-rotation",
    language: "en",
    title: "Meridane Cloud outage traced to a misconfigured certificate rotation",
    lede: "A six-hour disruption that took down thousands of customer sites was caused by an automated job that renewed the wrong certificates. The provider has published a detailed post-mortem.",
    body: `Meridane Cloud has published its post-mortem of last Tuesday's outage, which left customers in its two European regions unable to reach load balancers, storage endpoints and the management console for up to six hours.

The root cause, according to the company, was an **automated certificate rotation** job that had been modified the previous week. A change intended to shorten the lifetime of internal certificates also altered the selection logic, so the job replaced certificates used by the internal service mesh with ones issued for a staging environment. Services began rejecting each other's connections as the new certificates propagated.

## Why it took so long

Rolling back the configuration was quick. Recovering was not. The tooling engineers would normally use to push a fix depended on the same service mesh, and the team had to fall back on a manual procedure that had not been rehearsed in over a year.

Meridane lists several corrective actions in its [incident report](https://example.com/meridane/incident-0915):

- certificate changes will now be rolled out region by region, with automatic halts;
- emergency access paths will be tested quarterly;
- the rotation job will refuse to issue certificates across environments.

## Customer credits

Affected customers will receive service credits under the terms of their agreements. Several smaller businesses told us the credits cover a fraction of the revenue they lost, a familiar complaint after large cloud incidents. Meridane said it would contact customers individually about their eligibility.`,
    status: "published",
    publishedAt: "2026-09-25T06:00:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["cloud", "security"],
    commentsOpen: false,
    quotes: [
      {
        speaker: "Rachel Ibsen",
        speakerRole: "vice president of reliability at Meridane Cloud",
        text: "Our recovery tools depended on the thing that was broken. That is the lesson we are taking most seriously.",
      },
    ],
    sources: [
      {
        title: "Incident report: European regions, 15 September",
        publisher: "Meridane Cloud",
        url: "https://example.com/meridane/incident-0915",
      },
    ],
    comments: [],
  },
  // 13
  {
    slug: "lancement-reussi-pour-le-nanosatellite-etudiant-hirondelle-2",
    language: "fr",
    title: "Lancement réussi pour le nanosatellite étudiant Hirondelle-2",
    lede: "Conçu par une quarantaine d'élèves ingénieurs, le petit satellite doit mesurer la pollution lumineuse au-dessus de l'Europe. Les premiers signaux ont été captés dès le premier passage.",
    body: `Le nanosatellite **Hirondelle-2**, conçu par des étudiants de l'école d'ingénieurs Sup'Garonne, a été placé en orbite samedi à 540 kilomètres d'altitude. Il voyageait à bord d'un lanceur commercial aux côtés d'une trentaine d'autres petits satellites.

L'engin, un cube de 10 centimètres de côté empilé trois fois, embarque une caméra sensible aux faibles luminosités. Sa mission : cartographier la **pollution lumineuse** nocturne au-dessus des villes européennes, et suivre son évolution au fil des extinctions d'éclairage public décidées par de nombreuses communes.

## Premier contact à 3 h 12

La station sol installée sur le toit de l'école a capté les premiers paquets de télémétrie lors du premier passage, à 3 h 12 du matin. « Tout le monde a crié en même temps », raconte une étudiante présente ce soir-là. Les panneaux solaires se sont déployés normalement et la batterie se recharge comme prévu.

Le projet a mobilisé une quarantaine d'étudiants sur quatre promotions successives. Son prédécesseur, Hirondelle-1, n'avait jamais répondu après son lancement en 2023, une expérience douloureuse qui a conduit l'équipe à doubler les tests en chambre thermique.

## Des données ouvertes

Les images seront publiées sous licence libre sur le [portail du projet](https://example.org/hirondelle/donnees), avec un délai d'environ une semaine. Plusieurs associations d'astronomes amateurs ont déjà proposé de les comparer à leurs propres relevés au sol.`,
    status: "published",
    publishedAt: "2026-09-28T10:30:00Z",
    authorSlugs: ["camille-renaud"],
    tagSlugs: ["space"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Salomé Dufresne",
        speakerRole: "cheffe de projet Hirondelle-2, étudiante en dernière année",
        text: "Après l'échec d'Hirondelle-1, on a tout testé deux fois. Entendre ce premier bip, c'était une délivrance.",
      },
      {
        speaker: "Gérard Pons",
        speakerRole: null,
        text: "Ces données vont nous permettre de vérifier enfin si les extinctions nocturnes changent quelque chose vu d'en haut.",
      },
    ],
    sources: [
      {
        title: "Hirondelle-2 : portail des données",
        publisher: "Sup'Garonne",
        url: "https://example.org/hirondelle/donnees",
      },
    ],
    comments: [
      {
        authorName: "Chloé Marchand",
        authorEmail: "chloe.marchand@example.org",
        authorUrl: null,
        body: "Bravo aux étudiants ! Mon club d'astronomie attend ces images avec impatience.",
        status: "approved",
      },
      {
        authorName: "Lucas Fabre",
        authorEmail: "lucas.fabre@example.com",
        authorUrl: null,
        body: "Ancien de Sup'Garonne, j'avais travaillé sur Hirondelle-1. Content de voir que la relève a réussi là où on avait échoué.",
        status: "approved",
        replies: [
          {
            authorName: "Sophie Bertin",
            authorEmail: "sophie.bertin@example.org",
            authorUrl: null,
            body: "Sait-on finalement ce qui n'avait pas marché sur le premier ?",
            status: "approved",
          },
        ],
      },
    ],
  },
  // 14
  {
    slug: "halden-semiconductor-unveils-risc-v-chip-for-edge-ai-cameras",
    language: "en",
    title: "Halden Semiconductor unveils RISC-V chip for edge AI cameras",
    lede: "The HX-40 pairs four RISC-V cores with a small neural accelerator and draws under a watt. Halden is targeting doorbells, traffic sensors and factory inspection.",
    body: `Halden Semiconductor has announced the **HX-40**, a system-on-chip aimed at cameras that need to run image recognition locally rather than streaming video to the cloud.

The chip combines four RISC-V application cores with a neural processing unit rated at 4 trillion operations per second, an image signal processor and a hardware video encoder. Halden says typical power consumption is around 0.8 W when running a person-detection model at 30 frames per second, low enough for battery-powered devices that only wake up occasionally.

## Why RISC-V

Halden has been one of the more vocal supporters of the open instruction set. Using RISC-V lets it avoid licensing fees and customise the cores, in this case by adding vector instructions tuned for the pre-processing steps that precede neural network inference.

The company is also shipping an open-source software development kit, including a compiler back end and a set of reference models. Developers can already browse the [SDK documentation](https://example.net/halden/hx40-sdk), although the silicon itself will not be sampled until the first quarter.

## Privacy by architecture

Halden's marketing leans heavily on privacy: if frames never leave the device, they cannot leak from a server. That is only partly true, of course, as manufacturers remain free to upload whatever they like. But processing on the device does make a privacy-respecting design cheaper to build.

Pricing was not disclosed, though Halden said it expected the HX-40 to cost "well under ten dollars" in volume.`,
    status: "published",
    publishedAt: "2026-09-30T08:45:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["semiconductors", "ai"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Mira Solberg",
        speakerRole: "chief architect at Halden Semiconductor",
        text: "The cheapest video stream to secure is the one you never send.",
      },
    ],
    sources: [
      {
        title: "HX-40 software development kit",
        publisher: "Halden Semiconductor",
        url: "https://example.net/halden/hx40-sdk",
      },
    ],
    comments: [],
  },
  // 15
  {
    slug: "rancongiciel-une-clinique-bretonne-paralysee-pendant-trois-jours",
    language: "fr",
    title: "Rançongiciel : une clinique bretonne paralysée pendant trois jours",
    lede: "Les urgences ont dû être détournées vers l'hôpital voisin après le chiffrement des serveurs. La clinique assure ne pas avoir payé de rançon.",
    body: `La clinique des Glénan, à Quimperlé-sur-Mer, a retrouvé jeudi un fonctionnement à peu près normal après trois jours d'une **attaque par rançongiciel** qui avait chiffré l'essentiel de ses serveurs. Pendant cette période, les patients arrivant aux urgences ont été redirigés vers le centre hospitalier le plus proche et les opérations non urgentes ont été reportées.

## Retour au papier

Le personnel a travaillé avec des dossiers papier et des ordonnances manuscrites, selon une procédure dégradée prévue de longue date mais rarement pratiquée. « Les infirmières les plus anciennes ont montré aux plus jeunes comment on faisait avant », résume un cadre de santé.

L'attaque aurait commencé par le compte d'un prestataire de maintenance, dont les identifiants avaient été dérobés plusieurs semaines plus tôt. Les assaillants ont ensuite progressé dans le réseau jusqu'à atteindre les sauvegardes en ligne. Heureusement, une copie hors ligne, réalisée chaque semaine sur bandes, a permis la restauration.

## Pas de rançon

La direction affirme n'avoir ni négocié ni payé. Le groupe criminel a publié sur son site un échantillon de documents administratifs, ce qui laisse craindre une fuite de données plus large. Les patients concernés seront contactés individuellement.

Ce nouvel incident relance le débat sur le financement de la sécurité informatique dans les établissements de santé de taille moyenne. Un [rapport de la commission du numérique en santé](https://example.org/rapport-sante-cyber) estimait l'an dernier que la plupart y consacraient moins de 2 % de leur budget informatique.`,
    status: "published",
    publishedAt: "2026-10-02T07:30:00Z",
    authorSlugs: ["margaux-lefevre", "priya-nair"],
    tagSlugs: ["security"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Dr Erwan Le Goff",
        speakerRole: "directeur médical de la clinique des Glénan",
        text: "Aucun patient n'a été mis en danger. Mais je ne souhaite à aucun établissement de vivre ces trois jours.",
      },
      {
        speaker: "Lina Ferrand",
        speakerRole: "chercheuse en sécurité indépendante",
        text: "Les sauvegardes hors ligne ne sont pas glamour. Elles ont pourtant sauvé cette clinique.",
      },
    ],
    sources: [
      {
        title: "Cybersécurité des établissements de santé : état des lieux",
        publisher: "Commission du numérique en santé",
        url: "https://example.org/rapport-sante-cyber",
      },
    ],
    comments: [
      {
        authorName: "Amandine Roux",
        authorEmail: "amandine.roux@example.net",
        authorUrl: null,
        body: "Infirmière dans un autre établissement : on a fait un exercice de mode dégradé l'an dernier, et c'était le chaos. Respect à l'équipe.",
        status: "approved",
        replies: [
          {
            authorName: "Mathieu Lenoir",
            authorEmail: "mathieu.lenoir@example.com",
            authorUrl: null,
            body: "Pareil chez nous. Ces exercices devraient être obligatoires tous les ans.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Julien Morel",
        authorEmail: "julien.morel@example.com",
        authorUrl: "https://example.com/~jmorel",
        body: "Encore un prestataire avec des identifiants volés. La gestion des accès tiers est le point faible partout.",
        status: "approved",
      },
      {
        authorName: "anonyme",
        authorEmail: "xx@example.com",
        authorUrl: null,
        body: "bien fait pour eux",
        status: "trash",
      },
    ],
  },
  // 16
  {
    slug: "tidemark-launches-a-repairable-phone-with-a-five-year-battery-warranty",
    language: "en",
    title: "Tidemark launches a repairable phone with a five-year battery warranty",
    lede: "The Tidemark One uses standard screws and a swappable battery, and the company will replace the cell free of charge if it degrades too quickly.",
    body: `Tidemark, a small phone maker based in Rotterdam, has launched the **Tidemark One**, a mid-range handset designed to be opened with an ordinary screwdriver. Its most eye-catching promise is a **five-year battery warranty**: if the cell drops below 80% of its original capacity within that period, Tidemark will send a replacement for free.

The battery can be swapped in about two minutes by removing four screws on the back panel. The screen, USB-C port, cameras and speaker are all separate modules, each sold individually on the company's [parts store](https://example.com/tidemark/parts) at prices that range from 12 to 89 euros.

## The trade-offs

Repairability has costs. The One is 10.4 mm thick and weighs 212 g, heavier than most competitors at its 549-euro price point. It is rated IP54, enough to survive rain but not a swim. And its processor, a mid-range chip from last year, will not impress anyone chasing benchmark scores.

Tidemark argues that the right comparison is total cost of ownership. A phone that lasts six years with one or two cheap repairs is, in its view, a better deal than a sleeker model replaced every three years.

## Software support

The company promises operating system updates until 2032 and security patches until 2033. It is a bold commitment for a firm that shipped only 80,000 phones last year, and the warranty on the battery is arguably easier to honour than the one on software.`,
    status: "published",
    publishedAt: "2026-10-05T13:00:00Z",
    authorSlugs: ["priya-nair"],
    tagSlugs: ["smartphones", "energy"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Joost van Dam",
        speakerRole: "founder of Tidemark",
        text: "If you can change a bicycle tyre, you can change this battery.",
      },
      {
        speaker: "Helena Cruz",
        speakerRole: "repair café organiser",
        text: "The screws matter less than the spare parts. Five years from now, will there still be a battery to buy?",
      },
    ],
    sources: [
      {
        title: "Tidemark One spare parts catalogue",
        publisher: "Tidemark",
        url: "https://example.com/tidemark/parts",
      },
      {
        title: "Repairability scores for 2026 handsets",
        publisher: "FixRank",
        url: "https://example.org/fixrank/2026-handsets",
      },
    ],
    comments: [
      {
        authorName: "Hannah Kowalski",
        authorEmail: "hannah.k@example.com",
        authorUrl: null,
        body: "Ordered one for my dad, who drops his phone roughly once a week. A 49-euro screen module is a lifesaver.",
        status: "approved",
      },
      {
        authorName: "Ethan Brooks",
        authorEmail: "ethan.brooks@example.org",
        authorUrl: null,
        body: "Helena Cruz's point is the real one. Small companies don't always survive long enough to honour long warranties.",
        status: "approved",
        replies: [
          {
            authorName: "Lucia Romano",
            authorEmail: "lucia.romano@example.net",
            authorUrl: "https://example.net/lucia",
            body: "They say the battery uses a standard cell format that a third party could produce. Still a risk, but less of one.",
            status: "approved",
          },
        ],
      },
    ],
  },
  // 17
  {
    slug: "ia-generative-un-tiers-des-pme-francaises-l-utilisent-deja-selon-une-etude",
    language: "fr",
    title: "IA générative : un tiers des PME françaises l'utilisent déjà, selon une étude",
    lede: "Rédaction de courriels, synthèse de documents et service client arrivent en tête des usages. Mais peu d'entreprises ont fixé des règles internes.",
    body: `Selon une enquête de l'Observatoire des usages numériques, menée auprès de 2 100 entreprises de 10 à 249 salariés, **34 % des PME françaises** déclarent utiliser des outils d'intelligence artificielle générative au moins une fois par semaine. Elles n'étaient que 19 % un an plus tôt.

## Des usages très concrets

Les dirigeants interrogés citent d'abord des tâches administratives :

- la rédaction et la reformulation de courriels (71 % des utilisatrices) ;
- la synthèse de documents longs, contrats ou appels d'offres (52 %) ;
- les réponses de premier niveau au service client (29 %).

La génération d'images ou de code arrive loin derrière. Les secteurs les plus avancés sont le conseil, l'immobilier et le commerce en ligne ; l'industrie et le BTP restent à la traîne.

## Peu de garde-fous

L'étude relève un décalage frappant : seules **12 % des entreprises utilisatrices** ont rédigé une charte ou des règles internes sur ce qu'il est permis de soumettre à ces outils. Dans la majorité des cas, les salariés utilisent des versions gratuites avec leur adresse personnelle, sans que la direction sache précisément quelles données sont partagées.

Les auteurs recommandent aux dirigeants de commencer petit : dresser la liste des outils réellement utilisés, puis définir quelques règles simples, par exemple ne jamais y coller de données clients. Le [rapport complet](https://example.org/observatoire/ia-pme-2026) propose un modèle de charte d'une page.

Le coût reste le premier frein cité par les entreprises qui n'utilisent pas encore ces outils, devant le manque de temps pour se former.`,
    status: "published",
    publishedAt: "2026-10-07T06:15:00Z",
    authorSlugs: ["camille-renaud"],
    tagSlugs: ["ai"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Fabienne Aubert",
        speakerRole: "directrice de l'Observatoire des usages numériques",
        text: "L'adoption va plus vite que l'encadrement. Ce n'est pas un drame, mais il faut rattraper le retard.",
      },
      {
        speaker: "Romain Chevalier",
        speakerRole: "gérant d'une agence immobilière à Angers",
        text: "Je gagne une heure par jour sur les annonces. Mais je relis tout, parce qu'il invente parfois des balcons.",
      },
    ],
    sources: [
      {
        title: "L'IA générative dans les PME : baromètre 2026",
        publisher: "Observatoire des usages numériques",
        url: "https://example.org/observatoire/ia-pme-2026",
      },
    ],
    comments: [
      {
        authorName: "Nicolas Perrin",
        authorEmail: "n.perrin@example.org",
        authorUrl: "https://example.org/nperrin",
        body: "« Il invente parfois des balcons » : meilleure citation de la semaine.",
        status: "approved",
      },
      {
        authorName: "Karim Haddad",
        authorEmail: "karim.haddad@example.net",
        authorUrl: "https://example.net/karim",
        body: "12 % avec une charte, ça ne m'étonne pas. Chez nous, la charte est arrivée après qu'un commercial a collé un fichier client entier.",
        status: "approved",
      },
      {
        authorName: "Bérénice Colin",
        authorEmail: "berenice.colin@example.com",
        authorUrl: null,
        body: "Le modèle de charte d'une page est-il téléchargeable sans créer de compte ?",
        status: "pending",
      },
    ],
  },
  // 18
  {
    slug: "lunar-relay-satellite-tessera-1-enters-orbit-after-three-month-cruise",
    language: "en",
    title: "Lunar relay satellite Tessera-1 enters orbit after three-month cruise",
    lede: "The commercial communications satellite will relay data from landers on the Moon's far side. Its first customer is a university rover scheduled for next spring.",
    body: `**Tessera-1**, a commercial communications satellite built by the consortium Lunaris Link, fired its engine for 23 minutes on Friday and slipped into a highly elliptical orbit around the Moon. The manoeuvre ended a three-month cruise on a low-energy trajectory that traded speed for fuel savings.

The satellite's job is to act as a relay. Landers and rovers on the lunar far side cannot talk to Earth directly, since the Moon itself is in the way. Tessera-1's orbit keeps it above the southern hemisphere for most of each twelve-hour cycle, which makes it well placed to serve missions near the south pole, where water ice is thought to lurk in permanently shadowed craters.

## A shared service

Unlike relay satellites built for a single mission, Tessera-1 sells capacity to anyone who needs it. Lunaris Link publishes a [price list](https://example.com/lunaris/tessera-pricing) that starts at a few thousand euros per gigabyte, with discounts for universities.

Its first customer will be a small rover developed by a consortium of universities, due to land next spring. Two commercial lander companies have also signed letters of intent.

## Commissioning

Engineers will spend the next six weeks testing the satellite's antennas and lowering its orbit slightly to the final operational configuration. A second relay, Tessera-2, is planned for 2028 to provide continuous coverage.`,
    status: "published",
    publishedAt: "2026-10-09T17:20:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["space"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Amara Osei",
        speakerRole: "mission director at Lunaris Link",
        text: "We are building the cell tower before the town exists. That only works if people believe the town is coming.",
      },
    ],
    sources: [
      {
        title: "Tessera relay service: pricing and coverage",
        publisher: "Lunaris Link",
        url: "https://example.com/lunaris/tessera-pricing",
      },
    ],
    comments: [
      {
        authorName: "Aisha Bello",
        authorEmail: "aisha.bello@example.net",
        authorUrl: "https://example.net/aisha",
        body: "Selling relay capacity by the gigabyte on the Moon. What a time to be alive.",
        status: "approved",
      },
      {
        authorName: "Kofi Mensah",
        authorEmail: "kofi.mensah@example.com",
        authorUrl: null,
        body: "The cell-tower-before-the-town quote sums up the whole lunar economy right now.",
        status: "approved",
      },
    ],
  },
  // 19
  {
    slug: "centres-de-donnees-nebuleuse-mise-sur-le-refroidissement-liquide-pour-reduire-sa-facture",
    language: "fr",
    title: "Centres de données : Nébuleuse mise sur le refroidissement liquide pour réduire sa facture",
    lede: "L'hébergeur va équiper ses nouvelles salles de plaques froides directement posées sur les processeurs. Il promet une baisse de 30 % de la consommation liée au refroidissement.",
    body: `Nébuleuse a annoncé qu'elle généraliserait le **refroidissement liquide direct** dans toutes les salles ouvertes à partir de 2027. Concrètement, des plaques métalliques parcourues par un liquide caloporteur seront fixées sur les processeurs et les accélérateurs, au lieu de compter uniquement sur de l'air soufflé à travers les serveurs.

## Pourquoi maintenant

La densité des serveurs a explosé avec l'arrivée des accélérateurs d'intelligence artificielle. Une baie chargée de GPU peut aujourd'hui dissiper plus de 60 kW, soit quatre à cinq fois plus qu'une baie classique il y a dix ans. À ce niveau, l'air ne suffit plus, ou alors au prix de ventilateurs gourmands et bruyants.

Selon l'entreprise, le passage au liquide réduirait d'environ **30 % l'énergie consacrée au refroidissement**. L'indicateur d'efficacité énergétique de ses futures salles, le PUE, devrait descendre sous 1,15, contre 1,35 dans ses bâtiments actuels.

## La chaleur, une ressource

L'eau qui ressort des serveurs atteint 45 à 50 °C, une température suffisante pour alimenter un réseau de chaleur urbain. Nébuleuse discute avec deux collectivités de la vallée du Rhône pour valoriser cette énergie, sans qu'aucun accord soit encore signé. Le projet est présenté dans un [communiqué technique](https://example.org/nebuleuse/refroidissement-liquide).

Reste la question de la maintenance : intervenir sur un serveur traversé par des circuits d'eau demande de nouvelles compétences, et les techniciens devront être formés.`,
    status: "published",
    publishedAt: "2026-10-12T08:00:00Z",
    authorSlugs: ["theo-garnier"],
    tagSlugs: ["cloud", "energy"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Hélène Castagné",
        speakerRole: "présidente de Nébuleuse",
        text: "Chaque degré que l'on récupère, c'est de la chaleur qu'on ne rejette plus dans l'atmosphère.",
      },
      {
        speaker: "Pierre-Yves Maillard",
        speakerRole: "ingénieur thermicien",
        text: "Le liquide n'est pas une nouveauté. Ce qui change, c'est qu'il devient la norme et non plus l'exception.",
      },
    ],
    sources: [
      {
        title: "Refroidissement liquide direct : notre feuille de route",
        publisher: "Nébuleuse",
        url: "https://example.org/nebuleuse/refroidissement-liquide",
      },
    ],
    comments: [
      {
        authorName: "Élodie Vasseur",
        authorEmail: "elodie.vasseur@example.com",
        authorUrl: null,
        body: "Si la chaleur peut chauffer une piscine municipale, je signe tout de suite.",
        status: "approved",
        replies: [
          {
            authorName: "Julien Morel",
            authorEmail: "julien.morel@example.com",
            authorUrl: "https://example.com/~jmorel",
            body: "Ça existe déjà ailleurs, 45 °C c'est même un peu juste pour un réseau urbain, mais parfait pour une piscine.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Nicolas Perrin",
        authorEmail: "n.perrin@example.org",
        authorUrl: "https://example.org/nperrin",
        body: "Et les fuites ? C'est la première question que pose n'importe quel administrateur système.",
        status: "approved",
      },
    ],
  },
  // 20
  {
    slug: "why-chipmakers-are-suddenly-obsessed-with-glass-substrates",
    language: "en",
    title: "Why chipmakers are suddenly obsessed with glass substrates",
    lede: "As AI accelerators grow into sprawling multi-chip packages, the organic materials that hold them together are reaching their limits. Glass could be the answer, if it can be made reliably.",
    body: `For decades, the substrate, the layer that sits between a chip and the circuit board, has been the least glamorous part of a processor. That is changing. Several packaging companies, including Koster Advanced Packaging, have announced pilot lines for **glass substrates** in the past six months.

## The problem with plastic

Today's substrates are made of organic resin reinforced with glass fibre. They work well for a single die, but modern AI accelerators bolt together a dozen chiplets and stacks of high-bandwidth memory. These packages are large and run hot, and organic substrates warp as they heat up, which can crack the tiny solder connections underneath.

Glass is flatter, more rigid and expands less with temperature. It also allows much finer wiring, so chiplets can be placed closer together and talk to each other faster.

## Why it's hard

Glass is also brittle. Drilling millions of microscopic holes through it to carry signals, and doing so without introducing cracks, remains a difficult manufacturing problem. Koster says its yields on test panels are "in the seventies", meaning roughly a quarter of panels are still discarded.

Analysts expect the first commercial products using glass cores around 2028, beginning with the most expensive data-centre chips. A [technical overview](https://example.net/packaging-review/glass-cores) from an industry newsletter describes the competing approaches in more detail.

If it works, glass could quietly become one of the most important materials in computing, without most users ever hearing about it.`,
    status: "published",
    publishedAt: "2026-10-14T11:10:00Z",
    authorSlugs: ["priya-nair"],
    tagSlugs: ["semiconductors"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Tobias Koster",
        speakerRole: "chief technology officer at Koster Advanced Packaging",
        text: "Everyone wants glass. Nobody wants to be the first to ship a cracked package to a hyperscaler.",
      },
    ],
    sources: [
      {
        title: "Glass cores: a primer",
        publisher: "Packaging Review",
        url: "https://example.net/packaging-review/glass-cores",
      },
    ],
    comments: [
      {
        authorName: "Grace Liu",
        authorEmail: "grace.liu@example.org",
        authorUrl: null,
        body: "Great explainer. I work in PCB design and even I didn't know why glass was suddenly everywhere.",
        status: "approved",
      },
      {
        authorName: "Peter Lindqvist",
        authorEmail: "peter.lindqvist@example.com",
        authorUrl: null,
        body: "Yields in the seventies for a substrate is rough when each package costs thousands. That's the number to watch.",
        status: "approved",
      },
      {
        authorName: "Isaac Foley",
        authorEmail: "isaac.foley@example.com",
        authorUrl: null,
        body: "first!!",
        status: "trash",
      },
    ],
  },
  // 21
  {
    slug: "smartphones-voltaia-et-lumio-s-associent-pour-la-recharge-en-huit-minutes",
    language: "fr",
    title: "Smartphones : Voltaïa et Lumio s'associent pour la recharge en huit minutes",
    lede: "Le fabricant de batteries et le constructeur de téléphones travaillent sur une cellule capable de passer de 0 à 80 % en huit minutes. Un premier modèle est promis pour fin 2027.",
    body: `La start-up Voltaïa et le constructeur Lumio ont annoncé un partenariat pour développer une batterie de smartphone **rechargeable de 0 à 80 % en huit minutes**. Les deux entreprises visent un lancement commercial à la fin de l'année prochaine, dans un modèle haut de gamme de Lumio.

## Une chimie hybride

Contrairement à ses cellules sodium-ion, Voltaïa s'appuie ici sur une anode à base de silicium associée à un électrolyte développé en interne. L'idée est de limiter l'échauffement pendant la charge rapide, principal ennemi de la longévité des batteries.

Les deux partenaires revendiquent des résultats de laboratoire encourageants : après 1 000 cycles de charge à 120 W, la cellule conserverait **88 % de sa capacité**. Ces chiffres n'ont pas été vérifiés de manière indépendante.

## Le chargeur, l'autre moitié du problème

Une telle vitesse suppose un chargeur puissant et un câble adapté. Lumio promet de livrer le chargeur dans la boîte, à rebours de la tendance du secteur, et de respecter la norme de charge rapide commune afin qu'il fonctionne aussi avec d'autres appareils.

Pour Voltaïa, l'accord apporte une vitrine grand public et des revenus de développement. Pour Lumio, il s'agit de se distinguer dans un haut de gamme où les fiches techniques se ressemblent de plus en plus. Les deux sociétés ont publié un [communiqué commun](https://example.com/voltaia-lumio/partenariat).

Reste à convaincre les utilisateurs qu'une charge aussi rapide n'use pas prématurément leur téléphone, une inquiétude tenace.`,
    status: "published",
    publishedAt: "2026-10-16T06:50:00Z",
    authorSlugs: ["theo-garnier", "camille-renaud"],
    tagSlugs: ["smartphones", "energy"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Inès Marchetti",
        speakerRole: "directrice produit chez Voltaïa",
        text: "Huit minutes, c'est le temps d'un café. Nous voulons que plus personne ne parte de chez soi avec 5 % de batterie.",
      },
      {
        speaker: "Yann Kerbrat",
        speakerRole: "vice-président produit chez Lumio",
        text: "Tout le monde sait faire un bel écran. La batterie est le dernier endroit où l'on peut encore surprendre.",
      },
    ],
    sources: [
      {
        title: "Voltaïa et Lumio annoncent un partenariat sur la charge ultrarapide",
        publisher: "Voltaïa",
        url: "https://example.com/voltaia-lumio/partenariat",
      },
    ],
    comments: [
      {
        authorName: "Sophie Bertin",
        authorEmail: "sophie.bertin@example.org",
        authorUrl: null,
        body: "Je préférerais une batterie qui dure deux jours plutôt qu'une qui charge en huit minutes. Mais bon, je ne suis visiblement pas la cible.",
        status: "approved",
        replies: [
          {
            authorName: "Chloé Marchand",
            authorEmail: "chloe.marchand@example.org",
            authorUrl: null,
            body: "Les deux ne s'opposent pas forcément, si la charge rapide n'abîme pas la batterie.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Mathieu Lenoir",
        authorEmail: "mathieu.lenoir@example.com",
        authorUrl: null,
        body: "Chargeur dans la boîte : enfin une bonne nouvelle.",
        status: "approved",
      },
      {
        authorName: "Batteries Discount",
        authorEmail: "vente@example.net",
        authorUrl: "https://example.net/batteries-discount",
        body: "BATTERIES ORIGINALES -80% !!! https://example.net/batteries-discount — code promo sur https://example.net/batteries-discount/code",
        status: "spam",
      },
    ],
  },
  // 22
  {
    slug: "open-weight-model-corvid-7b-tops-a-multilingual-benchmark-with-caveats",
    language: "en",
    title: "Open-weight model Corvid-7B tops a multilingual benchmark, with caveats",
    lede: "A seven-billion-parameter model from a small research lab beats much larger rivals on a test covering forty languages. Its authors admit part of the benchmark may have leaked into the training data.",
    body: `A model released last week by the Rookery Research lab has taken the top spot on **Polyglot-40**, a popular benchmark that measures reading comprehension and reasoning across forty languages. **Corvid-7B** scored 71.3, ahead of several models with ten times as many parameters.

The weights are available under a permissive licence, and the lab has published a [technical report](https://example.org/rookery/corvid-7b-report) describing its training recipe. The key ingredient, according to the authors, is a carefully filtered dataset in which low-resource languages are deliberately over-represented.

## The caveat

In an unusually candid section of the report, Rookery acknowledges that a subset of Polyglot-40's questions appears to have been posted on public websites that ended up in its training data. When the team removed the potentially contaminated questions, Corvid's score dropped to 66.8, still competitive but no longer first.

Benchmark contamination is a long-standing problem in the field. Test sets live on the open web, and models are trained on the open web. Few labs check as thoroughly as Rookery did, and fewer still publish the results when the news is unflattering.

## What it means for users

For developers who need a small model that handles languages such as Wolof, Icelandic or Tagalog reasonably well, Corvid-7B looks like a strong option regardless of its exact ranking. Independent testers have reported good results on translation and summarisation, though its English output is slightly weaker than that of comparable models.

The benchmark's maintainers said they would publish a refreshed, private test set early next year.`,
    status: "published",
    publishedAt: "2026-10-19T14:40:00Z",
    authorSlugs: ["priya-nair", "camille-renaud"],
    tagSlugs: ["ai"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Ingrid Solheim",
        speakerRole: "lead author of the Corvid-7B report",
        text: "We would rather be second with a clean score than first with an asterisk.",
      },
      {
        speaker: "Abdou Diallo",
        speakerRole: "maintainer of the Polyglot-40 benchmark",
        text: "Every public benchmark has a shelf life. Ours may have just expired.",
      },
    ],
    sources: [
      {
        title: "Corvid-7B technical report",
        publisher: "Rookery Research",
        url: "https://example.org/rookery/corvid-7b-report",
      },
      {
        title: "Polyglot-40 leaderboard",
        publisher: null,
        url: "https://example.net/polyglot-40/leaderboard",
      },
    ],
    comments: [
      {
        authorName: "Naomi Fischer",
        authorEmail: "naomi.fischer@example.org",
        authorUrl: "https://example.org/naomi",
        body: "Credit to Rookery for publishing the contaminated-subset number. That's how it should be done.",
        status: "approved",
        replies: [
          {
            authorName: "Wendy Zhao",
            authorEmail: "wendy.zhao@example.net",
            authorUrl: null,
            body: "Agreed, though it's a little convenient that they're still near the top after the correction.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Diego Alvarez",
        authorEmail: "diego.alvarez@example.net",
        authorUrl: null,
        body: "Tried it on Basque and it's genuinely the best small model I've used. Benchmarks aside.",
        status: "approved",
      },
      {
        authorName: "Beatrice Okoye",
        authorEmail: "b.okoye@example.org",
        authorUrl: null,
        body: "Any plans to cover how it does on Yoruba and Igbo? The report only lists aggregate scores for African languages.",
        status: "pending",
      },
    ],
  },
  // 23
  {
    slug: "hameconnage-par-qr-code-les-banques-en-ligne-alertent-leurs-clients",
    language: "fr",
    title: "Hameçonnage par QR code : les banques en ligne alertent leurs clients",
    lede: "De faux avis de stationnement et de fausses factures invitent à scanner un code qui mène vers une page de connexion imitée. Plusieurs établissements ont envoyé des messages de prévention.",
    body: `Plusieurs banques en ligne ont adressé cette semaine des messages d'alerte à leurs clients au sujet d'une vague d'**hameçonnage par QR code**, parfois surnommé « quishing ». Le principe : un code imprimé sur un faux avis de stationnement, une fausse facture ou un autocollant collé sur une borne de recharge renvoie vers une page imitant l'espace client d'une banque.

## Pourquoi ça marche

Le QR code contourne plusieurs réflexes de prudence. Il est impossible de lire l'adresse avant de le scanner, et le téléphone affiche souvent l'URL en tout petit, voire pas du tout. Par ailleurs, les filtres de messagerie des entreprises analysent les liens, mais beaucoup moins les images.

Selon la banque Azur Direct, qui a partagé quelques chiffres, les signalements de ce type ont été multipliés par quatre depuis le début de l'été. La plupart visent à récupérer des identifiants, puis à valider un virement en se faisant passer pour le service antifraude au téléphone.

## Les bons réflexes

Les établissements rappellent quelques règles simples :

- ne jamais se connecter à sa banque depuis un QR code, mais toujours via l'application officielle ;
- se méfier des avis de paiement inattendus, surtout s'ils invoquent une urgence ;
- ne jamais communiquer un code de validation reçu par SMS à un interlocuteur.

Le dispositif public Alerte-Arnaques propose un [formulaire de signalement](https://example.org/alerte-arnaques/signaler) pour ces codes frauduleux, qui permet aux autorités de les faire retirer plus rapidement.`,
    status: "published",
    publishedAt: "2026-10-21T07:05:00Z",
    authorSlugs: ["margaux-lefevre"],
    tagSlugs: ["security"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Thomas Brunel",
        speakerRole: "responsable de la lutte contre la fraude chez Azur Direct",
        text: "Aucune banque ne vous demandera de vous connecter en scannant un autocollant sur un horodateur.",
      },
    ],
    sources: [
      {
        title: "Signaler un QR code frauduleux",
        publisher: "Alerte-Arnaques",
        url: "https://example.org/alerte-arnaques/signaler",
      },
    ],
    comments: [],
  },
  // 24
  {
    slug: "startup-ferrous-orbit-wants-to-recycle-scrap-in-low-earth-orbit",
    language: "en",
    title: "Startup Ferrous Orbit wants to recycle scrap in low Earth orbit",
    lede: "The company plans to capture defunct upper stages and melt them down into feedstock for in-space manufacturing. Investors are intrigued; engineers are sceptical.",
    body: `Ferrous Orbit, a startup based in Toulouse and Bristol, has raised 22 million euros to pursue an idea that sounds like science fiction: capturing **abandoned rocket upper stages** in low Earth orbit and turning their aluminium into raw material for manufacturing in space.

The company's first step is more modest. A demonstration spacecraft, due to launch in 2028, will rendezvous with a spent stage, attach itself, and cut a small sample from its hull using a robotic arm. The sample will then be melted in a miniature furnace powered by solar panels, producing a few hundred grams of metal pellets.

## The economics of junk

Launching material from Earth remains expensive, even after the steep fall in launch prices over the past decade. Ferrous argues that thousands of tonnes of aluminium are already in orbit, paid for and going nowhere, and that recovering it would be cheaper than lifting new metal.

The company also pitches the project as a way to clean up debris. Large upper stages are among the objects most likely to cause a collision that creates thousands of fragments.

## The doubts

Experts we spoke to were polite but unconvinced. Capturing a tumbling, uncooperative object is far harder than docking with a friendly satellite. And there is not, as yet, a factory in orbit that needs aluminium pellets.

Ferrous has published a [white paper](https://example.com/ferrous-orbit/white-paper) that lays out its roadmap through 2035.`,
    status: "published",
    publishedAt: "2026-10-23T09:55:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["space", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Claire Hollis",
        speakerRole: "CEO of Ferrous Orbit",
        text: "There is a mine above our heads that has already paid its own launch costs.",
      },
      {
        speaker: "Kenji Arakawa",
        speakerRole: "orbital mechanics consultant",
        text: "Catching a spinning rocket body is the hard part. Melting it is almost the easy bit.",
      },
    ],
    sources: [
      {
        title: "Orbital recycling: a roadmap to 2035",
        publisher: "Ferrous Orbit",
        url: "https://example.com/ferrous-orbit/white-paper",
      },
    ],
    comments: [
      {
        authorName: "Oliver Grant",
        authorEmail: "oliver.grant@example.com",
        authorUrl: null,
        body: "Called it in the Skyvane thread: the tumbling target problem is the whole game.",
        status: "approved",
      },
      {
        authorName: "Rosa Jimenez",
        authorEmail: "rosa.jimenez@example.org",
        authorUrl: null,
        body: "Even if the recycling part never works, a company that can grab dead rocket stages is valuable for debris removal alone.",
        status: "approved",
      },
      {
        authorName: "Crypto Moon Rewards",
        authorEmail: "moon@example.net",
        authorUrl: "https://example.net/moon-token",
        body: "SPACE TOKEN PRESALE 1000x GUARANTEED!!! Buy now https://example.net/moon-token and https://example.net/moon-token/airdrop",
        status: "spam",
      },
    ],
  },
  // 25
  {
    slug: "cloud-la-facturation-a-la-seconde-arrive-chez-stratocum",
    language: "fr",
    title: "Cloud : la facturation à la seconde arrive chez Stratocum",
    lede: "Le jeune hébergeur abandonne la facturation à l'heure pour ses machines virtuelles et ses GPU. Une aubaine pour les tâches courtes, moins pour les budgets prévisibles.",
    body: `La start-up Stratocum, qui loue des serveurs et des cartes graphiques à la demande depuis 2024, facture désormais ses ressources **à la seconde**, avec un minimum d'une minute. Jusqu'ici, toute heure entamée était due, ce qui pénalisait les clients lançant beaucoup de tâches brèves.

## Qui y gagne

Les premiers bénéficiaires sont les équipes qui exécutent des tests automatisés, des conversions de fichiers ou des calculs d'inférence ponctuels. Une tâche de sept minutes sur GPU coûtait jusqu'ici le prix d'une heure pleine ; elle sera désormais facturée sept minutes.

Selon les estimations de l'entreprise, la facture de ses clients utilisant l'intégration continue pourrait baisser de **20 à 40 %**. Stratocum publie un [simulateur](https://example.com/stratocum/simulateur) permettant de comparer l'ancien et le nouveau mode de calcul à partir de son propre historique.

## Un petit piège

Le tarif unitaire augmente légèrement : le prix d'une heure complète passe de 1,90 à 1,98 euro pour la machine GPU d'entrée de gamme. Les clients qui font tourner des instances en continu paieront donc un peu plus cher, sauf à souscrire un engagement annuel, qui reste facturé au forfait.

Pour Stratocum, qui compte une cinquantaine de salariés, il s'agit de se distinguer face aux grands fournisseurs, dont plusieurs pratiquent déjà la facturation fine sur certains services mais pas sur tous. L'entreprise prépare par ailleurs une levée de fonds, selon nos informations.`,
    status: "published",
    publishedAt: "2026-10-27T06:30:00Z",
    authorSlugs: ["margaux-lefevre"],
    tagSlugs: ["cloud", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Maxime Ollivier",
        speakerRole: "cofondateur de Stratocum",
        text: "Payer une heure pour sept minutes de calcul, c'était une taxe sur l'expérimentation.",
      },
    ],
    sources: [
      {
        title: "Simulateur de facturation à la seconde",
        publisher: "Stratocum",
        url: "https://example.com/stratocum/simulateur",
      },
    ],
    comments: [
      {
        authorName: "Karim Haddad",
        authorEmail: "karim.haddad@example.net",
        authorUrl: "https://example.net/karim",
        body: "Le simulateur est bien fait : on économiserait environ 30 % sur notre CI. Par contre nos serveurs permanents coûteront un peu plus.",
        status: "approved",
        replies: [
          {
            authorName: "Lucas Fabre",
            authorEmail: "lucas.fabre@example.com",
            authorUrl: null,
            body: "Pour les serveurs permanents, l'engagement annuel reste plus intéressant de toute façon.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Bérénice Colin",
        authorEmail: "berenice.colin@example.com",
        authorUrl: null,
        body: "Est-ce que le minimum d'une minute s'applique aussi aux redémarrages ? Ça peut vite s'accumuler.",
        status: "pending",
      },
    ],
  },
  // 26
  {
    slug: "inside-voltaias-plan-to-recycle-phone-batteries-at-scale",
    language: "en",
    title: "Inside Voltaïa's plan to recycle phone batteries at scale",
    lede: "The battery startup is opening a collection network with repair shops and says its sodium-ion cells are easier to recycle than lithium-ion. We visited its pilot plant.",
    body: `Behind a loading dock on the outskirts of Grenoble, workers at Voltaïa's pilot recycling plant sort crates of spent phone batteries by chemistry. Most are still lithium-ion from other manufacturers; a small but growing share are Voltaïa's own **sodium-ion** cells, returned from early test devices.

The company announced this week that it will build a collection network with around 300 independent repair shops in France and Belgium. Shops will receive a small fee for each battery they return, and customers will get a discount on a replacement.

## Why sodium is easier

Recycling lithium-ion batteries usually means shredding them into a powder known as black mass, then recovering valuable metals such as cobalt and nickel through energy-intensive chemical processes. Voltaïa's sodium cells contain none of those metals, so the economics are different: the company focuses instead on recovering the aluminium current collectors and the hard-carbon anode, which can be purified and reused.

According to figures in Voltaïa's [sustainability report](https://example.com/voltaia/rapport-durabilite-2026), the pilot plant currently recovers about 78% of a sodium cell's mass, compared with roughly 60% for the lithium cells it also processes.

## Scale is the question

The pilot plant handles a few tonnes a month. A commercial facility, planned for 2028, would need to process several thousand tonnes a year to break even. That depends on how many sodium cells are actually on the market by then, and on whether repair shops keep sending crates to Grenoble once the novelty wears off.`,
    status: "published",
    publishedAt: "2026-10-30T12:25:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["energy"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Inès Marchetti",
        speakerRole: "product director at Voltaïa",
        text: "We designed the cell knowing we would have to take it apart again one day. That changes a lot of small decisions.",
      },
      {
        speaker: "Karl Jensen",
        speakerRole: "plant supervisor at Voltaïa",
        text: "The hardest part of recycling isn't chemistry. It's getting the batteries back in the first place.",
      },
    ],
    sources: [
      {
        title: "Sustainability report 2026",
        publisher: "Voltaïa",
        url: "https://example.com/voltaia/rapport-durabilite-2026",
      },
    ],
    comments: [
      {
        authorName: "Lena Vogt",
        authorEmail: "lena.vogt@example.net",
        authorUrl: null,
        body: "Paying repair shops per battery returned is smart. They're the ones who actually have the old cells.",
        status: "approved",
      },
      {
        authorName: "Hannah Kowalski",
        authorEmail: "hannah.k@example.com",
        authorUrl: null,
        body: "Would love to know what happens to the 22% they can't recover.",
        status: "approved",
        replies: [
          {
            authorName: "Daniel Okafor",
            authorEmail: "daniel.okafor@example.com",
            authorUrl: null,
            body: "Mostly the electrolyte and separator, according to the plant team. They are burned for energy recovery at the moment, which they admit isn't ideal.",
            status: "approved",
          },
        ],
      },
    ],
  },
  // 27
  {
    slug: "puces-penurie-de-memoire-hbm-les-prix-des-cartes-graphiques-repartent-a-la-hausse",
    language: "fr",
    title: "Puces : pénurie de mémoire HBM, les prix des cartes graphiques repartent à la hausse",
    lede: "La demande des accélérateurs d'IA absorbe l'essentiel de la production de mémoire à haute bande passante. Les cartes pour joueurs et stations de travail en font les frais.",
    body: `Les prix des cartes graphiques haut de gamme ont augmenté de **12 à 18 %** en un mois chez les principaux revendeurs européens, selon un relevé du comparateur PrixPuce. En cause : une tension persistante sur la mémoire, et en particulier sur la **HBM**, ces empilements de puces mémoire montés directement à côté du processeur graphique.

## Une mémoire très demandée

La HBM est indispensable aux accélérateurs utilisés pour entraîner et faire tourner les grands modèles d'intelligence artificielle. Sa fabrication est complexe : il faut empiler jusqu'à douze puces, les relier par des milliers de connexions verticales, puis tester l'ensemble. Les rendements restent modestes, et seuls trois fabricants au monde maîtrisent le procédé.

Or les lignes de production de HBM sont en partie partagées avec celles de la mémoire graphique classique. Quand les fabricants réorientent leurs capacités vers les produits les plus rentables, ce sont les cartes destinées aux joueurs et aux stations de travail qui trinquent.

## Jusqu'à quand ?

Les analystes interrogés tablent sur une détente au second semestre 2027, lorsque de nouvelles usines entreront en service. D'ici là, les fabricants de cartes pourraient privilégier leurs modèles les plus chers, où la marge absorbe mieux la hausse des composants.

Pour les particuliers, le conseil est simple : si l'achat n'est pas urgent, mieux vaut attendre. Le comparateur publie un [historique des prix](https://example.net/prixpuce/historique-gpu) pour suivre l'évolution semaine après semaine.`,
    status: "published",
    publishedAt: "2026-11-03T08:20:00Z",
    authorSlugs: ["theo-garnier"],
    tagSlugs: ["semiconductors", "ai"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Bastien Roy",
        speakerRole: "analyste chez Cadran Research",
        text: "Chaque plaquette de HBM vendue pour un accélérateur d'IA rapporte bien plus qu'une plaquette de mémoire graphique. Le choix des fabricants est vite fait.",
      },
      {
        speaker: "Sandrine Meunier",
        speakerRole: null,
        text: "J'ai monté des PC pendant quinze ans, je n'ai jamais vu les prix remonter aussi vite hors période de pénurie générale.",
      },
    ],
    sources: [
      {
        title: "Historique des prix des cartes graphiques",
        publisher: "PrixPuce",
        url: "https://example.net/prixpuce/historique-gpu",
      },
      {
        title: "Mémoire : perspectives 2027",
        publisher: "Cadran Research",
        url: "https://example.org/cadran/memoire-2027",
      },
    ],
    comments: [
      {
        authorName: "Mathieu Lenoir",
        authorEmail: "mathieu.lenoir@example.com",
        authorUrl: null,
        body: "J'ai bien fait d'acheter ma carte en juin, visiblement.",
        status: "approved",
      },
      {
        authorName: "Sophie Bertin",
        authorEmail: "sophie.bertin@example.org",
        authorUrl: null,
        body: "Article clair, merci. La distinction entre HBM et mémoire graphique classique n'est jamais expliquée ailleurs.",
        status: "approved",
      },
      {
        authorName: "Lucas Fabre",
        authorEmail: "lucas.fabre@example.com",
        authorUrl: null,
        body: "doublon, voir mon autre commentaire",
        status: "trash",
      },
    ],
  },
  // 28
  {
    slug: "halcyon-mobiles-budget-phone-gets-seven-years-of-updates",
    language: "en",
    title: "Halcyon Mobile's budget phone gets seven years of updates",
    lede: "The 199-euro Halcyon A5 will receive operating system updates until 2033. It is the longest support commitment yet for a phone at that price.",
    body: `Halcyon Mobile has announced that its new entry-level phone, the **Halcyon A5**, will receive seven years of operating system and security updates, matching commitments that until recently were reserved for flagships costing four or five times as much.

At 199 euros, the A5 is not a technical marvel. It has a 6.6-inch LCD screen, a 5,000 mAh battery, 6 GB of memory and a main camera that will do fine in daylight and struggle indoors. But it is the support promise that Halcyon wants buyers to remember.

## How they can afford it

Long software support is expensive mainly because of the work needed to adapt each new operating system release to a specific chip. Halcyon says it negotiated a multi-year support agreement with its chip supplier as part of the purchase contract, and that it uses the same platform across four models to spread the cost. The company has published its [support policy](https://example.com/halcyon/support-policy) online.

## Why it matters

Budget phones are often replaced not because they break, but because they stop receiving updates and banking apps refuse to run on them. Extending their useful life reduces electronic waste and helps people who cannot afford to change phones regularly.

Consumer groups welcomed the announcement but noted that seven years of updates are only useful if the hardware survives that long. The A5's battery is not user-replaceable, though Halcyon says an authorised repair costs 39 euros.`,
    status: "published",
    publishedAt: "2026-11-06T15:00:00Z",
    authorSlugs: ["camille-renaud"],
    tagSlugs: ["smartphones"],
    commentsOpen: false,
    quotes: [
      {
        speaker: "Leila Haddou",
        speakerRole: "general manager of Halcyon Mobile in Europe",
        text: "People who buy a 199-euro phone deserve the same security as people who buy a 1,199-euro one.",
      },
    ],
    sources: [
      {
        title: "Halcyon software support policy",
        publisher: "Halcyon Mobile",
        url: "https://example.com/halcyon/support-policy",
      },
    ],
    comments: [
      {
        authorName: "Ethan Brooks",
        authorEmail: "ethan.brooks@example.org",
        authorUrl: null,
        body: "This is the most important phone news of the year and it'll get a tenth of the attention of the next foldable.",
        status: "approved",
      },
      {
        authorName: "Helen Marsh",
        authorEmail: "helen.marsh@example.com",
        authorUrl: null,
        body: "Bought one for my mum. The camera is indeed mediocre indoors, but she mostly photographs her garden, so no complaints.",
        status: "approved",
      },
    ],
  },
  // 29
  {
    slug: "espace-le-consortium-astree-retient-deux-start-up-pour-son-cargo-reutilisable",
    language: "fr",
    title: "Espace : le consortium Astrée retient deux start-up pour son cargo réutilisable",
    lede: "Deux jeunes entreprises, l'une française, l'autre allemande, vont concevoir un véhicule capable de ravitailler les stations orbitales et de revenir sur Terre. Une première pour le consortium.",
    body: `Le consortium spatial **Astrée**, qui réunit plusieurs agences et industriels européens, a désigné mercredi les deux lauréats de son appel à projets pour un cargo orbital réutilisable. La start-up toulousaine Orbitelle et l'allemande Kranich Raumfahrt recevront chacune 65 millions d'euros pour mener leurs projets jusqu'à un vol de démonstration.

## Deux approches différentes

Orbitelle propose une capsule de forme conique, capable d'emporter 1,5 tonne de fret et de revenir se poser sous parachutes en mer. Kranich mise sur un petit avion spatial à ailes delta, plus complexe mais capable d'atterrir sur une piste, ce qui faciliterait la remise en état entre deux vols.

Le consortium a volontairement retenu deux concepts concurrents. Si l'un échoue ou prend du retard, l'autre pourra prendre le relais, une logique inspirée des programmes commerciaux de ravitaillement lancés ailleurs dans le monde.

## Un changement de méthode

C'est surtout la forme du contrat qui marque une rupture. Au lieu de financer un industriel pour qu'il réalise un véhicule selon un cahier des charges détaillé, Astrée paiera par **jalons atteints** et s'engage à acheter des missions une fois le cargo opérationnel. Les start-up gardent la propriété de leur véhicule et pourront le vendre à d'autres clients.

Les premiers vols de démonstration sont prévus en 2029. Le [cahier des charges](https://example.org/astree/cargo-reutilisable) publié par le consortium prévoit au moins cinq réutilisations par véhicule.`,
    status: "published",
    publishedAt: "2026-11-12T07:40:00Z",
    authorSlugs: ["camille-renaud"],
    tagSlugs: ["space", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Véronique Lambert",
        speakerRole: "directrice des programmes du consortium Astrée",
        text: "Nous achetons un service, pas un véhicule. C'est aux entreprises de trouver la meilleure façon de le rendre.",
      },
      {
        speaker: "Hugo Mercier",
        speakerRole: "président d'Orbitelle",
        text: "Il y a cinq ans, une start-up n'aurait même pas pu répondre à ce type d'appel. Le paysage a changé.",
      },
    ],
    sources: [
      {
        title: "Cargo orbital réutilisable : cahier des charges",
        publisher: "Consortium Astrée",
        url: "https://example.org/astree/cargo-reutilisable",
      },
    ],
    comments: [
      {
        authorName: "Chloé Marchand",
        authorEmail: "chloe.marchand@example.org",
        authorUrl: null,
        body: "Le paiement par jalons, c'est exactement ce qu'il fallait. Enfin un peu d'audace dans le spatial européen.",
        status: "approved",
        replies: [
          {
            authorName: "Nicolas Perrin",
            authorEmail: "n.perrin@example.org",
            authorUrl: "https://example.org/nperrin",
            body: "À condition que les montants suivent. 65 millions, c'est peu pour un véhicule orbital complet.",
            status: "approved",
          },
        ],
      },
      {
        authorName: "Amandine Roux",
        authorEmail: "amandine.roux@example.net",
        authorUrl: null,
        body: "L'avion spatial a ailes delta me fait rêver, même si la capsule me semble plus réaliste.",
        status: "pending",
      },
    ],
  },
  // 30
  {
    slug: "quantum-safe-encryption-arrives-in-a-mainstream-messaging-app",
    language: "en",
    title: "Quantum-safe encryption arrives in a mainstream messaging app",
    lede: "Chatterbox has switched its end-to-end encryption to a hybrid scheme that should resist future quantum computers. Users do not need to do anything.",
    body: `Chatterbox, a messaging app with some 300 million monthly users, has begun rolling out **post-quantum encryption** for all one-to-one and group conversations. The change happens automatically when both parties update to the latest version.

## Why now, if quantum computers don't exist yet

Large quantum computers capable of breaking today's public-key cryptography have not been built, and estimates of when they might arrive vary wildly. The concern is what security engineers call **"harvest now, decrypt later"**: an adversary could record encrypted traffic today and decrypt it years from now, once the hardware exists. For messages that need to stay private for a decade or more, that is a real risk.

## A hybrid approach

Chatterbox does not simply replace its existing cryptography. Instead, it combines a classical key exchange with a post-quantum algorithm, so that an attacker would have to break both. The design, described in a [technical whitepaper](https://example.net/chatterbox/pq-whitepaper), means that a flaw discovered in the newer, less battle-tested algorithm would not by itself expose messages.

The cost is mostly in bandwidth. Post-quantum keys are considerably larger than classical ones, which adds a few kilobytes to the initial handshake. Chatterbox says the difference is unnoticeable on most connections.

Independent cryptographers who reviewed the protocol described it as sound, with one minor issue in key rotation that has since been fixed. Messages sent before the update, however, remain protected only by the old scheme.`,
    status: "published",
    publishedAt: "2026-11-19T10:15:00Z",
    authorSlugs: ["priya-nair"],
    tagSlugs: ["security"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Noor Al-Amin",
        speakerRole: "head of cryptography at Chatterbox",
        text: "We would rather be a few years early than one day late.",
      },
      {
        speaker: "Owen Marsh",
        speakerRole: "principal researcher at Lantern Security Group",
        text: "Hybrid is the responsible choice. Nobody should bet everything on algorithms this young.",
      },
    ],
    sources: [
      {
        title: "Post-quantum messaging: protocol whitepaper",
        publisher: "Chatterbox",
        url: "https://example.net/chatterbox/pq-whitepaper",
      },
      {
        title: "Review of the Chatterbox PQ protocol",
        publisher: "Lantern Security Group",
        url: "https://example.org/lantern/chatterbox-review",
      },
    ],
    comments: [
      {
        authorName: "Chloe Bennett",
        authorEmail: "chloe.bennett@example.net",
        authorUrl: "https://example.net/chloe",
        body: "'Harvest now, decrypt later' is the clearest argument for this I've seen. Good explainer.",
        status: "approved",
        replies: [
          {
            authorName: "Quantum Profits",
            authorEmail: "qp@example.net",
            authorUrl: "https://example.net/quantum-profits",
            body: "QUANTUM TRADING BOT makes $$$ while you sleep!!! https://example.net/quantum-profits sign up https://example.net/quantum-profits/join",
            status: "spam",
          },
        ],
      },
      {
        authorName: "Felix Stroud",
        authorEmail: "felix.stroud@example.net",
        authorUrl: null,
        body: "Is there any way to re-encrypt old message history with the new scheme, or is it just gone?",
        status: "pending",
      },
    ],
  },
  // 31 (draft)
  {
    slug: "halden-preparerait-un-processeur-mobile-grave-en-2-nm",
    language: "fr",
    title: "Halden préparerait un processeur mobile gravé en 2 nm",
    lede: "Selon plusieurs sources industrielles, le concepteur de puces travaillerait sur un système sur puce pour smartphones haut de gamme. Une première pour cette entreprise habituée aux objets connectés.",
    body: `Halden Semiconductor, connu pour ses puces à faible consommation destinées aux caméras et aux capteurs, préparerait une incursion sur le marché des **smartphones haut de gamme**. D'après trois sources proches de l'industrie, l'entreprise aurait lancé la conception d'un système sur puce gravé en 2 nm, avec un objectif de production en 2028.

## Un pari risqué

Le marché des processeurs mobiles est dominé par une poignée d'acteurs qui disposent d'équipes de plusieurs milliers d'ingénieurs. Concevoir une puce de ce niveau coûte plusieurs centaines de millions d'euros avant même la première plaquette, sans garantie de trouver un constructeur prêt à l'adopter.

Halden pourrait toutefois s'appuyer sur son expérience de l'architecture **RISC-V** et sur ses accélérateurs neuronaux, déjà utilisés dans le HX-40. Un téléphone pensé autour du traitement local de l'intelligence artificielle serait un argument de différenciation.

## À vérifier

- Le nom du fondeur partenaire reste inconnu.
- Aucun constructeur de téléphones n'a confirmé son intérêt.
- L'entreprise n'a pas répondu à nos sollicitations.

À ce stade, ces informations doivent être prises avec prudence. Nous compléterons cet article dès que Halden ou ses partenaires s'exprimeront. Un [portrait de l'entreprise](https://example.com/dossiers/halden) publié l'an dernier retrace son parcours.`,
    status: "draft",
    publishedAt: null,
    authorSlugs: ["theo-garnier"],
    tagSlugs: ["semiconductors", "smartphones"],
    commentsOpen: true,
    quotes: [],
    sources: [
      {
        title: "Halden Semiconductor, portrait d'un outsider",
        publisher: null,
        url: "https://example.com/dossiers/halden",
      },
    ],
    comments: [],
  },
  // 32 (draft)
  {
    slug: "what-a-european-launch-pad-shortage-means-for-small-satellites",
    language: "en",
    title: "What a European launch-pad shortage means for small satellites",
    lede: "New rockets are arriving faster than the pads to launch them from. Smallsat operators may be the first to feel the squeeze.",
    body: `Europe has more small-launch companies than ever, and **fewer launch pads** than it needs. At least six rocket developers hope to fly from European soil within the next two years, but only a handful of pads are ready or under construction, and each can support a limited number of launches per year.

## A queue forms

For smallsat operators, that means longer waits and less flexibility. Rideshare missions, where dozens of satellites share one large rocket, remain the cheapest option, but they fly on fixed schedules and to fixed orbits. Dedicated small launchers were supposed to fill the gap. If they cannot get pad time, they cannot deliver.

The Nordkapp Spaceport, one of the sites under construction, told us it had received requests for nearly three times the launch slots it can offer in 2028.

## Possible fixes

Several ideas are circulating:

- shared pads with standardised interfaces that several rocket types can use;
- sea-based launch platforms, which avoid some of the permitting delays on land;
- faster environmental reviews for sites that already host launches.

None is quick. Building a pad takes three to five years even when funding is in place, and permitting can take longer. A [policy brief](https://example.org/launch-policy/pads-2027) from the Launch Policy Forum argues that public funding should prioritise shared infrastructure over any single company.

In the meantime, the satellites will wait on the ground, or fly from somewhere else.`,
    status: "draft",
    publishedAt: null,
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["space"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Ingvild Berg",
        speakerRole: "commercial director at Nordkapp Spaceport",
        text: "We could fill our 2028 manifest three times over. What we cannot do is pour concrete faster.",
      },
    ],
    sources: [
      {
        title: "Launch pads and the European small-launch boom",
        publisher: "Launch Policy Forum",
        url: "https://example.org/launch-policy/pads-2027",
      },
    ],
    comments: [],
  },
  // 33 (scheduled)
  {
    slug: "energie-voltaia-choisit-le-site-de-sa-premiere-gigafactory",
    language: "fr",
    title: "Énergie : Voltaïa choisit le site de sa première gigafactory",
    lede: "La start-up installera son usine de cellules sodium-ion sur une ancienne friche industrielle de la vallée de la Romanche. Production attendue en 2029.",
    body: `Voltaïa a arrêté son choix : sa première usine de grande capacité sera construite sur une **ancienne friche industrielle** de la vallée de la Romanche, à une quarantaine de kilomètres de son siège grenoblois. Le site, occupé jusqu'en 2011 par une usine d'aluminium, dispose déjà d'un raccordement électrique de forte puissance et d'un accès ferroviaire.

## 8 GWh par an

L'usine doit produire à terme **8 GWh de cellules par an**, soit seize fois la capacité de la ligne pilote actuelle. Environ 70 % de la production sera destinée au stockage stationnaire, le reste aux appareils mobiles et aux vélos électriques. Le chantier représente un investissement d'environ 900 millions d'euros, financé par des fonds propres, de la dette bancaire et des aides publiques.

Le choix d'une friche plutôt que de terres agricoles a pesé dans la décision, explique l'entreprise, de même que la présence d'électricité bas carbone produite par les barrages voisins.

## Recrutements

Voltaïa prévoit de créer 1 100 emplois directs. Un centre de formation sera ouvert en partenariat avec les lycées professionnels du département, dont le détail figure dans le [dossier de presse](https://example.com/voltaia/gigafactory-romanche).

Les premières cellules sortiront des lignes au premier semestre 2029 si le calendrier est tenu, ce qui, dans l'industrie des batteries, est loin d'être acquis.`,
    status: "scheduled",
    publishedAt: "2027-01-12T07:00:00Z",
    authorSlugs: ["margaux-lefevre"],
    tagSlugs: ["energy", "startups"],
    commentsOpen: true,
    quotes: [
      {
        speaker: "Inès Marchetti",
        speakerRole: "directrice produit chez Voltaïa",
        text: "Nous voulions une usine qui répare un territoire plutôt qu'une usine qui en consomme un nouveau.",
      },
      {
        speaker: "Régis Bonnefoy",
        speakerRole: "maire d'une commune de la vallée",
        text: "Ici, on sait ce que c'est qu'une usine qui ferme. On a très envie de voir une usine qui ouvre.",
      },
    ],
    sources: [
      {
        title: "Gigafactory Romanche : dossier de presse",
        publisher: "Voltaïa",
        url: "https://example.com/voltaia/gigafactory-romanche",
      },
    ],
    comments: [],
  },
  // 34 (archived)
  {
    slug: "meridane-cloud-retires-its-legacy-object-storage-api",
    language: "en",
    title: "Meridane Cloud retires its legacy object-storage API",
    lede: "Customers have until the end of June to migrate to the provider's S3-compatible interface. After that, requests to the old endpoints will fail.",
    body: `Meridane Cloud has set a firm date for switching off its **legacy object-storage API**, the proprietary interface it launched in 2017 before adopting the S3-compatible protocol that most of the industry now uses. From 30 June, requests to the old endpoints will return an error.

The company says fewer than 4% of its storage customers still use the old API, but some of them are large, and many run software that has not been touched in years. Meridane has published a [migration guide](https://example.com/meridane/legacy-storage-migration) and a compatibility shim that translates old calls into new ones, intended as a temporary bridge.

## What changes for developers

For most applications, migration means changing an endpoint and an authentication header. The main differences concern metadata handling and listing operations:

- custom metadata keys are now case-insensitive;
- listing results are paginated with a continuation token rather than an offset;
- the old \`X-Meridane-Expire\` header is replaced by standard lifecycle rules.

## Why now

Maintaining two APIs doubles the testing burden for every storage feature. Meridane says retiring the old interface will let it ship features such as object locking and replication faster.

Customers with large deployments can request a three-month extension, but the company says it will grant these only in exceptional cases.`,
    status: "archived",
    publishedAt: "2026-03-14T10:00:00Z",
    authorSlugs: ["daniel-okafor"],
    tagSlugs: ["cloud"],
    commentsOpen: false,
    quotes: [
      {
        speaker: "Rachel Ibsen",
        speakerRole: "vice president of reliability at Meridane Cloud",
        text: "Every API you keep alive is a promise you have to test on every release.",
      },
    ],
    sources: [
      {
        title: "Migrating from the legacy storage API",
        publisher: "Meridane Cloud",
        url: "https://example.com/meridane/legacy-storage-migration",
      },
    ],
    comments: [],
  },
];
