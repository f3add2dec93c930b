//! English translation of the campaign, made for this widget. The French
//! text in `data.rs` is the reference: ids, positions and the campaign id
//! in signed payloads all come from it, never from this translation.

use super::{Campaign, Commitment, Proposal};

pub static CAMPAIGN_EN: Campaign = Campaign {
    id: std::sync::OnceLock::new(),
    title: "COMMITTING TO THE INCLUSIVE TERRITORIES OF TOMORROW!",
    tagline: "Coorace is campaigning",
    hashtag: "#Municipales2020",
    subtitle: "10 proposals for social and territorial utility",
    introduction: &[
        "We, social and territorial utility enterprises, act every day to shape territories where the economy and the projects developed meet the needs of their inhabitants, respect the environment, create lasting jobs, support the most deprived and have a positive impact on future generations.",
        "There are more than 550 of us, all over France, creating territorial projects with a strong social, environmental and economic impact, and every year we support 70,000 people on an inclusion pathway towards employment.",
        "Today's challenge is to revitalise towns, villages and neighbourhoods through businesses and citizens who play an active part in their territory. By creating shared, cooperative projects that are socially and economically useful, we could put the individual back at the heart of a collective as an actor.",
        "We carry the vision of an inclusive, collective and solidarity-based model of society that grows at the heart of territories. A territory is first of all one's town, neighbourhood or village. That is why we are entering the campaign by addressing the candidates in the municipal elections: 10 proposals to develop projects of social and territorial utility and to build the inclusive territories of tomorrow.",
    ],
    proposals: &[
        Proposal {
            number: 1,
            title: "Develop inclusion clauses in public procurement",
            text: "Public procurement is a major tool for helping the people furthest from employment back into work. Inclusion clauses in public contracts give employees on inclusion pathways access to work in direct connection with businesses.",
            commitments: &[
                Commitment {
                    id: "1.1",
                    position: 0,
                    text: "I commit to making inclusion clauses a general part of the selection criteria for responses to public contracts. The quality of inclusion must be a central element of the response to the call for tenders.",
                },
                Commitment {
                    id: "1.2",
                    position: 1,
                    text: "I commit to strengthening dialogue with, and the involvement of, social and territorial utility enterprises to develop inclusion clauses so as to make the most of inclusion pathways.",
                },
            ],
        },
        Proposal {
            number: 2,
            title: "Develop socially responsible purchasing",
            text: "Socially responsible public purchasing is a powerful lever for economic development and local employment, and allows particularly targeted action in priority neighbourhoods and in the most fragile rural areas.",
            commitments: &[
                Commitment {
                    id: "2.1",
                    position: 2,
                    text: "I commit to training elected representatives and staff in public procurement.",
                },
                Commitment {
                    id: "2.2",
                    position: 3,
                    text: "I commit to developing socially responsible purchasing by identifying and promoting the products and services offered by the social and territorial utility enterprises of my territory.",
                },
                Commitment {
                    id: "2.3",
                    position: 4,
                    text: "I commit to taking these proposals to the inter-municipal level.",
                },
            ],
        },
        Proposal {
            number: 3,
            title: "Gentle and inclusive mobility",
            text: "The lack of public transport and the high cost of getting a driving licence or a car are all obstacles to employment, to social ties and to the development of activity in some neighbourhoods or isolated rural areas.",
            commitments: &[
                Commitment {
                    id: "3.1",
                    position: 5,
                    text: "I commit to developing a free, electric public transport network.",
                },
                Commitment {
                    id: "3.2",
                    position: 6,
                    text: "I commit to supporting social and territorial utility enterprises in developing responsible and solidarity-based means of transport (a citizens' car-sharing platform, community pick-up buses...).",
                },
            ],
        },
        Proposal {
            number: 4,
            title: "Sustainable Development and Circular Economy",
            text: "Faced with climate challenges, the high number of people without work and the breakdown of social ties, support for circular economy projects is a fitting answer. The circular economy creates jobs that cannot be relocated, and raises people's awareness of reuse, of protecting the environment and of fighting the growth of waste.",
            commitments: &[Commitment {
                id: "4.1",
                position: 7,
                text: "I commit to developing eco-responsible projects such as resource centres, recycling centres, repair cafés etc... together with the committed actors of my territory.",
            }],
        },
        Proposal {
            number: 5,
            title: "Social Cohesion and Solidarity",
            text: "Whether in rural municipalities or in large cities, social and territorial utility enterprises foster living together by developing solidarity activities for elderly, vulnerable or isolated people. They contribute to social ties in the territories where they are rooted.",
            commitments: &[Commitment {
                id: "5.1",
                position: 8,
                text: "I commit to building and promoting partnerships with the actors who work every day to improve solidarity and social cohesion in the territory.",
            }],
        },
        Proposal {
            number: 6,
            title: "Third places and the use of brownfield sites",
            text: "The revitalisation of neighbourhoods and of abandoned places is made possible by the actors of the Social and Solidarity Economy, by the development of innovation and by bringing together projects of strong social utility. Third places let residents take over neglected places by organising solidarity, cultural and economic activities. These places for living, meeting and creating also foster social mix.",
            commitments: &[Commitment {
                id: "6.1",
                position: 9,
                text: "I commit to making the most of municipal property by listing and mobilising land for the creation of Third places, cultural brownfield sites or spaces dedicated to the SSE.",
            }],
        },
        Proposal {
            number: 7,
            title: "Economic revitalisation",
            text: "Territorial hubs of economic cooperation (PTCE) are made up of all the actors on the ground (associations, cooperatives, local authorities, businesses...) who come together around a shared economic project to foster local development. They make it possible to recreate economic sectors and jobs and to revitalise territories.",
            commitments: &[
                Commitment {
                    id: "7.1",
                    position: 10,
                    text: "I commit to supporting the emergence of territorial projects through the creation of PTCEs, collective calls for projects or the creation of Employment-focused Enterprises.",
                },
                Commitment {
                    id: "7.2",
                    position: 11,
                    text: "I commit to including the SSE in city contracts and to using this steering tool of public procurement in favour of disadvantaged neighbourhoods.",
                },
            ],
        },
        Proposal {
            number: 8,
            title: "Agriculture and food",
            text: "Healthy food and sustainable, respectful agriculture are central concerns for citizens who want to act to protect the environment. Education must also start from an early age. SSE actors play a large part in the emergence of short supply chains and organic farms.",
            commitments: &[
                Commitment {
                    id: "8.1",
                    position: 12,
                    text: "I commit to supporting the creation of shared gardens and of places that enable urban agriculture.",
                },
                Commitment {
                    id: "8.2",
                    position: 13,
                    text: "I commit to bringing organic food, from local producers or favouring short supply chains, into school canteens.",
                },
                Commitment {
                    id: "8.3",
                    position: 14,
                    text: "I commit to supporting the creation of solidarity grocery shops that allow bulk buying.",
                },
            ],
        },
        Proposal {
            number: 9,
            title: "Funding SSE actors and an elected representative dedicated to the SSE",
            text: "The actions carried out by SSE actors in the territories must be encouraged by political decision-makers through both financial support and a cross-cutting policy.",
            commitments: &[
                Commitment {
                    id: "9.1",
                    position: 15,
                    text: "I commit to funding actions carried out by SSE actors, and collective projects in particular.",
                },
                Commitment {
                    id: "9.2",
                    position: 16,
                    text: "I commit to putting in place an advantageous local tax regime for SSE actors.",
                },
                Commitment {
                    id: "9.3",
                    position: 17,
                    text: "I commit to appointing an elected representative in charge of the SSE.",
                },
            ],
        },
        Proposal {
            number: 10,
            title: "Assessing social and territorial utility",
            text: "As we do within our network, it is important for municipalities to assess the social and territorial impact of their actions and decisions against qualitative indicators such as empowerment, access to quality employment, local economic development etc...",
            commitments: &[
                Commitment {
                    id: "10.1",
                    position: 18,
                    text: "I commit to measuring the social and territorial impact of the policy directions and decisions of my municipality.",
                },
                Commitment {
                    id: "10.2",
                    position: 19,
                    text: "I commit to developing citizen participation by involving residents and associations in assessing the social and territorial impact of the projects carried out by the municipality.",
                },
            ],
        },
    ],
};
