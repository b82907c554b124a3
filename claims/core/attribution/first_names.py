"""Common given names by the gender they are most often given to.

Pronouns must agree with their antecedent ("she said" is never the man quoted last), and
the first name is often the only evidence of a person's gender in a news story. The
lists hold frequent given names of the English-speaking world and of the countries most
in international news, with their usual short forms; a name given to both (Jordan,
Taylor, Robin) is in neither, so it stays compatible with both pronouns.
Measured alternative: `gender-guesser` (40,000 names) is GPL-3.0, which an MIT package
cannot depend on.
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE = _names(
    "mary anna maria elizabeth sarah jane ruth grace ilse karen susan linda emily emma "
    "olivia sophie helen alice claire catherine kate lucy laura rachel rebecca julia "
    "margaret nancy ingrid astrid sigrid ines agnes ann anne marie louise jennifer "
    "michelle nicole elise isabel carmen beatrice hannah leah sharon judith esther "
    "hillary carly nikki loretta sheryl debbie deborah donna barbara betty "
    "dorothy patricia lisa sandra ashley kimberly jessica amanda melissa stephanie "
    "christine christina kathleen kathryn katherine katie kathy cathy samantha amy angela "
    "brenda pamela cynthia diane dianne janet joan joyce virginia heather teresa doris "
    "gloria evelyn cheryl mildred denise marilyn frances martha janice julie "
    "theresa judy beverly andrea megan meghan megyn brittany danielle tiffany erin "
    "natalie victoria kelly kayleigh tammy tina wendy valerie vanessa veronica sue "
    "suzanne lori marcia hope faith joy chelsea "
    "madeleine nikki elaine lauren allison alison abigail ella chloe zoe mia madison "
    "ava charlotte amelia harper evie isla poppy freya jessie kirsten kristen kristin "
    "carol caroline carolyn maggie peggy molly sally holly gina tara jill jillian "
    "jenny jen becky vicky vicki penny polly rosa rose rosemary roseanne rita irene "
    "eileen colleen maureen kathleen noreen bridget siobhan sinead niamh aoife "
    "fiona morag kirsty shona mairead ursula angela angelika annegret ursula heike "
    "sabine petra birgit ulrike claudia monika monique sylvie nathalie isabelle "
    "francoise marine segolene christiane brigitte anne-marie marta magdalena agnieszka "
    "katarzyna malgorzata olga tatiana tatyana svetlana natalia natalya irina yulia "
    "elena ekaterina anastasia oksana lyudmila galina valentina marina ludmila "
    "fatima aisha ayesha zainab maryam leila layla yasmin samira nadia amina "
    "priya sunita anita kamala indira sonia pooja deepa lakshmi "
    "mei ling xiu yan hui jing yuki yoko keiko akiko hiroko "
    "lucia sofia camila valeria gabriela mariana daniela paula carla alejandra "
    "dilma cristina michelle beth bethany brooke courtney crystal dawn ebony gwen "
    "gwendolyn hazel ida iris ivy janie jeanne jeanette joanna joanne josephine "
    "kay lana lena lydia mabel marcy marissa marsha mavis melinda miriam "
    "myrtle nell nina nora norma olive opal pearl phyllis priscilla rhonda roberta "
    "rosalind ruby sadie selena shirley sonya stella sylvia thelma tracy tracey "
    "vera vivian wanda yvonne zelda elisabeth greta hanna johanna katharina "
    "margarethe mette hanne kirsten liv ingeborg annika malin elin frida "
    "aleksandra anja tanja jelena ivana milena vesna bojana"
)

MALE = _names(
    "john james robert michael william david richard joseph thomas charles peter paul "
    "mark george donald vladimir samuel andrei andrew yuri ivan ivo henrik anton piet "
    "serhiy sergei sergey volodymyr emmanuel olaf joe ben daniel tomas lars erik hans "
    "klaus pierre luca marco ahmed mohammed ali omar hassan kevin brian steven luke "
    "matthew nikita ilya joshua bernie bernard ted mike chris christopher "
    "rand marco rick bill harry jim jimmy bob bobby tom tommy tim "
    "timothy ron ronald scott jeff jeffrey jerry gary larry frank fred frederick "
    "jack jason justin kenneth ken steve stephen edward eddie ed anthony tony brandon "
    "ryan eric jonathan jon nicholas nick adam patrick pat gregory greg raymond ray "
    "dennis walter willie jerry harold henry carl arthur roger keith jeremy terry "
    "lawrence sean christian albert joe ethan austin noah aaron jose adam bryan zachary "
    "kyle nathan douglas doug peter randy howard eugene russell bobby victor martin "
    "ernest phillip philip todd craig alan allen shawn clarence glenn lance dale lewis "
    "louis hank chuck dick rudy rudolph mitch mitchell paul ralph roy wayne dwayne "
    "howard lyndon franklin dwight herbert calvin woodrow theodore ulysses "
    "abraham grover chester rutherford benjamin millard zachary martin andrew "
    "elijah orrin lamar jared corey cory roger rex mario marcus leon ted "
    "jebediah rand marc marty mel neil nigel boris david "
    "gordon tony keir rishi liam oliver harry jacob charlie alfie oscar archie "
    "william alexander alex max maximilian felix lukas leon finn paul jonas elias "
    "matthias sebastian wolfgang helmut gerhard horst joachim jurgen dieter "
    "friedrich heinrich karl otto franz josef stefan uwe rainer norbert markus "
    "francois jacques michel philippe alain nicolas emmanuel laurent thierry bruno "
    "gilles olivier didier yves antoine guillaume mathieu hugo "
    "giuseppe giovanni antonio francesco matteo mario silvio enrico paolo roberto "
    "carlos juan luis miguel jorge pedro manuel rafael fernando alejandro diego "
    "javier sergio enrique pablo felipe andres ricardo raul hugo gustavo "
    "dmitry dmitri mikhail nikolai alexei aleksei alexey boris igor oleg pavel "
    "viktor vitaly yevgeny evgeny konstantin petro petr taras bohdan arseniy "
    "vitali vitaliy valery leonid gennady anatoly ramzan sergiy "
    "mohammad muhammad mohamed abdul abdullah ahmad hamid hussein ibrahim khalid "
    "mustafa recep tayyip bashar hassan hosni anwar yasser benjamin binyamin naftali "
    "yair ehud ariel shimon yitzhak moshe "
    "narendra rahul rajiv amit arvind manmohan "
    "xi jinping shinzo fumio yoshihide "
    "jair luiz inacio lula nicolas hugo evo "
    "recep kemal mehmet ahmet "
    "kofi nelson jacob cyril muhammadu goodluck uhuru william paul "
    "hunter beau dylan tyler logan cody travis wade troy brett garrett grant "
    "shane brent derek dustin duane dwight earl floyd gene herman irving ivan "
    "jesse jimmie johnny lloyd marvin melvin milton morris nathaniel norman "
    "oscar otis percy perry ralph reginald rodney roland ross sam sammy seth "
    "sidney stanley stuart sylvester ted terrence vernon vince vincent warren "
    "wesley wilbur willard zach zack jake jeff josh joel judd karl kirk kurt"
)
