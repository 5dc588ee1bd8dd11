// Vocabulary for generated content: enough variety that text compresses and indexes like prose,
// not so much that this file matters. French and English, the two languages lede publishes in.

const en = `the of and to in a is that for it as with was on be by this are from at an have not
which or has but will its they their more new one can also been were than all about would there
when up out so what into some could them other these time people only said over years like two
first after most just made then our may any well many such before those through because between
data cloud model chip phone network company market users software platform security update launch
developers engineers researchers processor battery screen camera browser server database quantum
startup investors regulators privacy encryption algorithm training inference benchmark latency
release version feature support customers revenue quarter growth price subscription service
open source code kernel compiler runtime memory storage bandwidth wireless satellite robot vehicle
electric energy grid factory supply chain semiconductor display silicon design test build ship
announced reported expected according launched released confirmed plans says shows faster cheaper
smaller larger global local European American Chinese Japanese public private major minor early
late next last week month year today yesterday morning evening hours minutes billion million
percent dollars euros deal partnership lawsuit ruling agency commission standard protocol`
  .split(/\s+/)
  .filter(Boolean);

const fr = `le la les de des du un une et à en est que pour il elle dans sur par au aux avec ce
cette ces qui ne pas plus mais ou son sa ses leur leurs été être avoir fait comme tout tous aussi
bien sans sous entre depuis après avant encore déjà très peu selon chez lors dont nouveau nouvelle
données nuage modèle puce téléphone réseau entreprise marché utilisateurs logiciel plateforme
sécurité mise jour lancement développeurs ingénieurs chercheurs processeur batterie écran caméra
navigateur serveur base quantique jeune pousse investisseurs régulateurs vie privée chiffrement
algorithme entraînement inférence mesure latence version fonction clients chiffre affaires
trimestre croissance prix abonnement service code libre noyau compilateur mémoire stockage débit
satellite robot véhicule électrique énergie réseau usine approvisionnement semiconducteur
affichage silicium conception essai annonce annoncé attendu lancé publié confirmé prévoit montre
rapide moins cher petit grand mondial européen américain chinois japonais public privé semaine
mois année aujourd'hui hier matin soir heures minutes milliard millions pour cent dollars euros
accord partenariat procès décision agence commission norme protocole gouvernement ministre`
  .split(/\s+/)
  .filter(Boolean);

export const vocabulary = { en, fr } as const;

export const firstNames = `Camille Priya Lucas Inès Hugo Léa Noah Chloé Adam Sarah Yanis Emma Louis
Jade Gabriel Alice Raphaël Lina Arthur Rose Nathan Anna Tom Mila Paul Zoé Jules Manon Sacha Eva
Omar Nadia Kenji Aiko Mateo Lucía Ethan Olivia Liam Ava Mohamed Fatima Chen Wei Ravi Ananya Kofi
Amara Erik Astrid`
  .split(/\s+/)
  .filter(Boolean);

export const lastNames = `Renaud Nair Martin Marchetti Bernard Dubois Thomas Robert Richard Petit
Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier
Morel Girard André Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau
Blanc Guerin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clement Gauthier Dumont Lopez
Fontaine Chevalier Robin Okafor Tanaka Sato Kim Singh Patel Nguyen Haddad`
  .split(/\s+/)
  .filter(Boolean);

export const tagNames = `AI;Cloud;Security;Privacy;Smartphones;Chips;Open source;Startups;Regulation;
Space;Electric vehicles;Energy;Gaming;Social networks;Telecom;Quantum;Robotics;Developer tools;
Databases;Browsers;Wearables;Cryptography;Semiconductors;E-commerce;Streaming;Health tech;
Climate;Policy;Hardware;Science`
  .split(";")
  .map((name) => name.trim())
  .filter(Boolean);

export const jobTitles = [
  "Journaliste",
  "Senior reporter",
  "Rédactrice en chef adjointe",
  "Editor at large",
  "Correspondant à Bruxelles",
  "Security correspondent",
  "Chef de rubrique",
  "Staff writer",
];

export const speakerRoles = [
  "VP international de Xiaomi",
  "CEO of a cloud startup",
  "Ministre délégué au numérique",
  "Security researcher",
  "Directrice de la recherche",
  "Analyst at a market research firm",
  "Porte-parole de la Commission européenne",
  "CTO",
  "Professor of computer science",
  "Présidente de l'Arcep",
];

export const publishers = [
  "Reuters",
  "Le Monde",
  "The Verge",
  "Les Échos",
  "Financial Times",
  "Ars Technica",
  "Libération",
  "Bloomberg",
  "Nikkei Asia",
  "Numerama",
];
