"""The seed live blog: ITV News on the clearance of the Calais 'Jungle' camp, 24 October 2016.

Its five updates, newest first as the seed lists them, are the demo's content and the
first fixture. Times are the morning of 24 October 2016, British Summer Time.
"""

from __future__ import annotations

from crawler.sample.site import Embed, Image, Para, Quote, SampleUpdate

PATH = "/news/2016-10-24/calais-jungle-camp-clearance-live-updates"
TITLE = "Calais 'Jungle' camp clearance: Live updates"
# The address on itv.com whose "Live updates" showed these five updates, in this order, on the
# morning of 24 October 2016: the sample's pages name it as the story's canonical address, so
# the archive's permalinks point at ITV News, not at the local server that played the page.
CANONICAL = "http://www.itv.com/news/world/"

PORT_BOSS = SampleUpdate(
    id="update-1",
    headline="'Jungle' clearance like 'D-Day' for Calais, says port boss",
    published="2016-10-24T08:10:00+01:00",
    author="ITV News",
    blocks=[
        Image(
            url="https://images.example.invalid/itv/calais-queue-buses.jpg",
            caption="Residents of the 'Jungle' camp queue for buses.",
            credit="Credit: APTN",
        ),
        Para(
            'The dismantling of the "Jungle" migrant camp is like "D-Day" for the Port of '
            "Calais, its chief executive has said."
        ),
        Para(
            'However, Jean-Marc Puissesseau has warned that the clearance would be a "waste of '
            'time" unless a police presence is maintained in the city to stop refugees and '
            "migrants who want to travel to the UK from gathering there again."
        ),
        Para(
            "Speaking on BBC Radio 4's Today, Mr Puissesseau said: \"I am a very, very happy man."
        ),
        Para("\"It's for us really the D-Day."),
        Para(
            '"Because I will not say it was the war here but since two years (ago) we are living '
            "in constant stress and living (with) a lot of attacks on the highway to try to slow "
            'down the traffic and to try for the migrants to get into the lorries and so on."'
        ),
    ],
)

WRISTBANDS = SampleUpdate(
    id="update-2",
    headline="'Jungle' residents asked where in France they want to go to",
    published="2016-10-24T08:55:00+01:00",
    author="Ellie Swinton",
    blocks=[
        Para(
            'Refugees and migrants from the "Jungle" camp in Calais are being asked which region '
            "of France they wish to be sent to."
        ),
        Para(
            "Residents of the camp are then issued with a coloured wristband and assigned to "
            "buses to take them to temporary centres across the country."
        ),
        Para("ITV News Producer Ellie Swinton is in Calais:"),
        Embed(url="https://twitter.com/ellieswinton/status/790462164489539584", provider="twitter"),
        Para(
            "On Tuesday 60 buses filled with residents will leave the camp, with more planned "
            "for later in the week."
        ),
        Embed(url="https://twitter.com/ellieswinton/status/790468836716634112", provider="twitter"),
    ],
)

BORDER_SECURITY = SampleUpdate(
    id="update-3",
    headline="MP demands border security boost after 'Jungle' closure",
    published="2016-10-24T09:40:00+01:00",
    author="ITV News",
    blocks=[
        Image(
            url="https://images.example.invalid/itv/calais-jungle-evictions.jpg",
            caption="An estimated 6,500 people are being evicted from the 'Jungle' camp.",
            credit="Credit: Reuters/Pascal Rossignol",
        ),
        Para(
            "Britain should boost its border security as French authorities move to demolish "
            "the Calais 'Jungle' refugee camp, an MP has warned."
        ),
        Para(
            "Conservative MP Charlie Elphicke said the UK must be prepared for a surge in "
            "migrants making a last-ditch bid to reach the UK."
        ),
        Para(
            "He was speaking as an estimated 6,500 people who have been living in the camp began "
            "a mass exodus, with refugees and migrants registering for accommodation centres "
            "elsewhere in France after being told to leave or risk arrest and deportation."
        ),
        Quote(
            paras=[
                "People will be more desperate than ever to see if they can break into Britain, "
                "it's important that border security is stepped up at this time...",
                "Whatever happens, we need to be prepared for every eventuality and we need to "
                "take control.",
                "That means we need to invest in the Dover controls, intelligence, security on the "
                "English channel, as well as better roads to Dover.",
                "It is in the interests of Dover and Calais that Britain and France work together "
                "to end the Calais migrant magnet.",
            ],
            attribution="– Conservative MP Charlie Elphicke",
        ),
        Para(
            "Meanwhile, Commons Home Affairs Committee chairwoman Yvette Cooper said there were "
            "still children in the camp with family in the UK who were now at risk of falling "
            "into the hands of people traffickers."
        ),
        Para(
            "She told the BBC: \"That's what's really worrying because once the clearances start "
            "we know that there is a significant risk that many of those children and young "
            'people just disappear."'
        ),
    ],
)

BELGIUM_LAST_PARA = Para(
    "The breakdown of the talks has also highlighted the challenges faced by Theresa May as she "
    "attempt's to strike her own deal with the EU after the vote for Brexit."
)

BELGIUM = SampleUpdate(
    id="update-4",
    headline="Belgium says it will not approve EU-Canada trade deal",
    published="2016-10-24T10:30:00+01:00",
    modified="2016-10-24T10:52:00+01:00",
    author="ITV News",
    blocks=[
        Image(
            url="https://images.example.invalid/itv/charles-michel.jpg",
            caption="Prime Minister Charles Michel said he would continue talks aimed at "
            "reviving the deal",
            credit="Credit: Reuters",
        ),
        Para(
            "Belgium said it had been unable to clear the way to approve an EU-Canada trade deal "
            "because a single region remains opposed."
        ),
        Para(
            '"I have officially told Tusk that we have no agreement," said Belgium\'s Prime '
            "Minister Charles Michel after a meeting with regional leaders in Wallonia."
        ),
        Para(
            "The Wallonians' implacable opposition threatens to derail the CETA trade agreement, "
            "which was seven years in the making."
        ),
        Para(
            'Canada said it was "impossible" to continue talks last week, while the EU had given '
            "Belgium until Monday to hold crisis talks in the hope of reaching a compromise."
        ),
        Para(
            "Michel said he was still open to dialogue with leaders in Wallonia, and that it was "
            "too early to say whether CETA was dead."
        ),
        BELGIUM_LAST_PARA,
    ],
)

EXODUS = SampleUpdate(
    id="update-5",
    headline="Migrants not sure of final destination as Calais camp shuts",
    published="2016-10-24T11:45:00+01:00",
    author="ITV News",
    blocks=[
        Para(
            "The mass exodus of refugees and migrants from the so-called 'Jungle' camp in Calais "
            "is under way, with buses starting to disperse hundreds of its residents across "
            "France."
        ),
        Para(
            "Crowds carrying rucksacks and holdalls surged towards the warehouse where processing "
            "was taking place as police opened the gates just after 7am UK time on Monday."
        ),
        Para(
            "People in the queues said they had no idea where they were going but many seemed "
            "resigned to leaving the sprawling camp, where demolition work is expected to begin "
            "on Tuesday."
        ),
    ],
)

# Newest first, as the page shows them: the seed's final state.
UPDATES: list[SampleUpdate] = [EXODUS, BELGIUM, BORDER_SECURITY, WRISTBANDS, PORT_BOSS]


def belgium_first_draft() -> SampleUpdate:
    """The Belgium update as first published, before the Brexit paragraph was added."""
    return BELGIUM.replace(
        modified=None, blocks=[b for b in BELGIUM.blocks if b is not BELGIUM_LAST_PARA]
    )


def demo_states() -> list[list[SampleUpdate]]:
    """What the sample blog shows on each demo pass: an update added, then one edited."""
    first = [belgium_first_draft(), BORDER_SECURITY, WRISTBANDS, PORT_BOSS]
    added = [EXODUS, *first]
    edited = list(UPDATES)
    return [first, added, edited]
