//! Generated once from `campaign/coorace-municipales-2020.txt`, then kept by hand.
//! Wording is verbatim: fix nothing here (see the tests in `campaign`).

use super::{Campaign, Commitment, Proposal};

pub static CAMPAIGN: Campaign = Campaign {
    id: std::sync::OnceLock::new(),
    title: "S'ENGAGER POUR LES TERRITOIRES INCLUSIFS DE DEMAIN !",
    tagline: "Coorace part en campagne",
    hashtag: "#Municipales2020",
    subtitle: "10 propositions d'utilité sociale et territoriale",
    introduction: &[
        "Nous, entreprises d'utilité sociale et territoriale, agissons chaque jour en vue de façonner des territoires où l'économie et les projets développés répondent aux besoins de ses habitants, soient respectueux de l'environnement, soient créateurs d'emplois durables, accompagnent les plus démunis et impactent positivement les générations futures.",
        "Nous sommes plus de 550, partout en France, à agir à la création de projets de territoires à fort impact social, environnemental et économique et nous accompagnons chaque année 70 000 personnes dans un parcours d'inclusion vers l'emploi.",
        "L'enjeu aujourd'hui est de redynamiser des villes, des villages et des quartiers via des entreprises et des citoyens acteurs de leur territoire. A travers la création de projets communs, coopératifs, utiles socialement et économiquement, nous pourrions replacer l'individu acteur au sein d'un collectif.",
        "Nous portons la vision d'un modèle sociétal inclusif, collectif et solidaire qui se développe au cœur des territoires. Le territoire c'est en premier lieu sa ville, son quartier ou son village. C'est pourquoi nous entrons en campagne en adressant aux candidats aux élections municipales : 10 propositions pour développer les projets d'utilité sociale et territoriale et construire les territoires inclusifs de demain.",
    ],
    proposals: &[
        Proposal {
            number: 1,
            title: "Développer des clauses d'insertion dans les marchés publics",
            text: "Pour favoriser le retour à l'emploi des personnes qui en sont le plus éloignées, la commande publique est un outil majeur. Les clauses d'insertion dans les marchés publics représentent un moyen pour les salariés en insertion d'accéder à une activité en lien direct avec l'entreprise.",
            commitments: &[
                Commitment {
                    id: "1.1",
                    position: 0,
                    text: "Je m'engage à généraliser l'intégration des clauses d'insertion dans les critères de sélection des réponses aux Marchés publics. La qualité de l'insertion doit constituer un élément central de la réponse à l'appel d'offre.",
                },
                Commitment {
                    id: "1.2",
                    position: 1,
                    text: "Je m'engage à renforcer le dialogue et la mobilisation des entreprises d'utilité sociale et territoriale pour développer les clauses d'insertion afin d'optimiser le parcours d'insertion.",
                },
            ],
        },
        Proposal {
            number: 2,
            title: "Développer les achats socialement responsables",
            text: "Les achats publics socialement responsables sont un puissant levier du développement économique et de l'emploi local et permettent une action particulièrement ciblée dans les quartiers prioritaires et les territoires ruraux les plus fragiles.",
            commitments: &[
                Commitment {
                    id: "2.1",
                    position: 2,
                    text: "Je m'engage à former les élus et techniciens sur le dispositif de la commande publique.",
                },
                Commitment {
                    id: "2.2",
                    position: 3,
                    text: "Je m'engage à développer les achats socialement responsables en identifiant et valorisant les produits et services proposés par les entreprises d'utilité sociale et territoriale de mon territoire.",
                },
                Commitment {
                    id: "2.3",
                    position: 4,
                    text: "Je m'engage à porter ces propositions à l'échelon intercommunal.",
                },
            ],
        },
        Proposal {
            number: 3,
            title: "Une mobilité douce et inclusive",
            text: "L'absence de transport en commun et les coûts élevés pour obtenir son permis de conduire ou une voiture sont autant de freins à l'emploi, à la création de lien social et au développement d'activité dans certains quartiers ou zones rurales isolées.",
            commitments: &[
                Commitment {
                    id: "3.1",
                    position: 5,
                    text: "Je m'engage à développer un réseau de transport en commun gratuit et électrique.",
                },
                Commitment {
                    id: "3.2",
                    position: 6,
                    text: "Je m'engage à soutenir les entreprises d'utilité sociale et territoriale dans le développement de moyens de transports responsables et solidaires (plateforme de covoiturage citoyenne, bus de ramassage associatif...).",
                },
            ],
        },
        Proposal {
            number: 4,
            title: "Développement Durable et Économie Circulaire",
            text: "Face aux défis climatiques, au nombre élevé de personnes sans emploi, à la destruction du lien social, le soutien aux projets de l'économie circulaire est une réponse adaptée. En effet, l'économie circulaire crée des emplois non délocalisables, sensibilise la population au réemploi, à la protection de l'environnement et à lutte contre la multiplication des déchets.",
            commitments: &[
                Commitment {
                    id: "4.1",
                    position: 7,
                    text: "Je m'engage à développer les projets éco-responsables tels que les ressourceries, recycleries, repair café etc... en lien avec les acteurs engagés de mon territoire.",
                },
            ],
        },
        Proposal {
            number: 5,
            title: "Cohésion Sociale et Solidarité",
            text: "Que ce soit dans les communes rurales ou dans les grandes métropoles, les entreprises d'utilité sociale et territoriale favorisent le vivre ensemble en développant des activités solidaires à destination des personnes âgées, vulnérables ou isolées. Elles contribuent au lien social dans les territoires où elles sont ancrées.",
            commitments: &[
                Commitment {
                    id: "5.1",
                    position: 8,
                    text: "Je m'engage à tisser et à valoriser des partenariats avec les acteurs qui œuvrent chaque jour à améliorer la solidarité et la cohésion sociale sur le territoire.",
                },
            ],
        },
        Proposal {
            number: 6,
            title: "Tiers lieux et mobilisation de friches",
            text: "La revitalisation des quartiers et des lieux laissés à l'abandon est rendue possible grâce aux acteurs de l'Économie Sociale et Solidaire, au développement d'innovation et au regroupement de projets à forte utilité sociale. Les Tiers lieux permettent l'appropriation par les habitants de lieux délaissés, à travers l'organisation d'activités solidaires, culturelles et économiques. Ces lieux de vie, de rencontre et de création sont aussi vecteurs de mixité sociale.",
            commitments: &[
                Commitment {
                    id: "6.1",
                    position: 9,
                    text: "Je m'engage à valoriser le patrimoine municipal en recensant et en mobilisant du foncier pour la création de Tiers lieux, de friches culturelles ou d'espaces dédiés à l'ESS.",
                },
            ],
        },
        Proposal {
            number: 7,
            title: "Redynamisation économique",
            text: "Les pôles territoriaux de coopération économique (PTCE) sont constitués par l'ensemble des acteurs de terrains (association, coopératives, collectivités, entreprises...) qui s'associent autour d'un projet économique commun pour favoriser le développement local. Ils permettent de recréer des filières économiques, des emplois et de revitaliser des territoires.",
            commitments: &[
                Commitment {
                    id: "7.1",
                    position: 10,
                    text: "Je m'engage à soutenir l'émergence de projets de territoire à travers la création de PTCE, d'appel à projet collectif ou la création d'Entreprises à but d'emploi.",
                },
                Commitment {
                    id: "7.2",
                    position: 11,
                    text: "Je m'engage à intégrer l'ESS dans les contrats de ville et d'utiliser cet outil de pilotage de la commande publique en faveur des quartiers défavorisés.",
                },
            ],
        },
        Proposal {
            number: 8,
            title: "Agriculture et alimentation",
            text: "Les enjeux d'une alimentation saine et d'une agriculture raisonnée et respectueuse sont au centre des préoccupations des citoyens soucieux d'agir pour la protection de l'environnement. L'éducation doit également se faire dès le plus jeune âge. Les acteurs de l'ESS agissent en grande partie à l'émergence de circuit court et de fermes biologiques.",
            commitments: &[
                Commitment {
                    id: "8.1",
                    position: 12,
                    text: "Je m'engage à soutenir la création de jardins partagés et de lieux permettant l'agriculture urbaine.",
                },
                Commitment {
                    id: "8.2",
                    position: 13,
                    text: "Je m'engage à instaurer dans les cantines scolaires une alimentation bio, issue de producteurs locaux ou favorisant les circuits courts.",
                },
                Commitment {
                    id: "8.3",
                    position: 14,
                    text: "Je m'engage à soutenir la création d'épiceries solidaires permettant l'achat de produit en vrac.",
                },
            ],
        },
        Proposal {
            number: 9,
            title: "Financement des acteurs de l'ESS et élu-e dédié-e à l'ESS",
            text: "Les actions menées par les acteurs de l'ESS sur les territoires doivent être encouragées par les décideurs politiques à travers un soutien à la fois financier mais également en menant une politique transversale.",
            commitments: &[
                Commitment {
                    id: "9.1",
                    position: 15,
                    text: "Je m'engage à financer les actions portées par des acteurs de l'ESS et plus particulièrement les projets collectifs.",
                },
                Commitment {
                    id: "9.2",
                    position: 16,
                    text: "Je m'engage à mettre en place un régime de taxe locale avantageux pour les acteurs de l'ESS.",
                },
                Commitment {
                    id: "9.3",
                    position: 17,
                    text: "Je m'engage à désigner un-e élu-e en charge de l'ESS.",
                },
            ],
        },
        Proposal {
            number: 10,
            title: "Évaluation de l'utilité sociale et territoriale",
            text: "Comme nous le développons au sein de notre réseau, il est important pour les municipalités d'évaluer l'impact social et territorial de leurs actions et décisions à l'aune d'indicateurs qualitatifs tels que le renforcement du pouvoir d'agir, l'accès à l'emploi de qualité, le développement économique local etc...",
            commitments: &[
                Commitment {
                    id: "10.1",
                    position: 18,
                    text: "Je m'engage à mesurer l'impact social et territorial des orientations et décisions politiques de ma municipalité.",
                },
                Commitment {
                    id: "10.2",
                    position: 19,
                    text: "Je m'engage à développer la participation citoyenne en associant les habitants et les associations à l'évaluation de l'impact social et territorial des projets portés par la municipalité.",
                },
            ],
        },
    ],
};
