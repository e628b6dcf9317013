# title: The Reason We Are Here
# summary: A shopper needs washing powder while you are on your knees restocking an empty shelf, and the evening rush starts at five.
# setting: aisle
# difficulty: beginner
# minutes: 5
# pass: de 60, own 60, res 60
# cast: You=player, Shopper=customer, Dana=manager, Priya=colleague, Man with trolley=bystander

// The shopper's mood, from -10 (furious) to +10 (delighted); 0 is neutral. The game moves it with
// the #mood, #wait and #repeated tags below; ink only reads it. At -2 or lower she complains to Dana
// when Dana turns up (-5 or lower: angrily). If she leaves without her powder at -5 or lower, she
// goes to customer service to complain; above that, she just shops somewhere else.
VAR mood = 0
// Whether she has already heard "sorry for the inconvenience" from you.
VAR said_the_script = false
VAR crossed = false
VAR standing = false
VAR walked = false
// "none", "fetching" (stock found in the back) or "promised" (a price you cannot give)
VAR powder = "none"
// "price" or "hold": which promise you could not keep
VAR promise_kind = "price"
VAR shelf_covered = false
VAR dana_told = false
VAR went_back = false

-> aisle_seven

=== aisle_seven ===
Aisle seven, twenty past four. #pose: You kneel
You're on your knees at an empty shelf, a cage of tinned tomatoes behind you.
The delivery was late. Dana wants it all out before the five o'clock rush.
You've done two rows. There are eleven to go.
A trolley squeaks up behind you. One front wheel keeps dragging.
Shopper: Sorry, love. Where's the washing powder? I've been round twice.
She leans on the trolley handle. She looks tired.
* [Keep stacking. "Aisle four." #de: -2 #own: -1 #res: +1 #mood: -2 #feedback: The answer was right, but you said it to the tins. Without eye contact "aisle four" sounds like "go away". Looking up takes two seconds.]
    You: Aisle four.
    -> first_answer.curt
* [Smile and get up. "Of course, I'll take you there myself." Ask if there's anything else. #de: +2 #own: +2 #res: +1 #mood: +2 #feedback: She's been round twice, so walking her there ends the hunt for certain, and asking what else she needs brings the real problem out early. Just remember the shelf is still yours.]
    -> first_answer.walk
* [Sigh, and get up slowly, as if it's a huge effort. #de: -2 #own: 0 #res: +1 #mood: -1 #feedback: You did help, but the sigh told her she was a nuisance before you'd said a word. If you're going to stop anyway, stop with a smile. It costs the same two minutes.]
    -> first_answer.sigh
* [Stand up, point down the aisle and explain the way clearly, but stay put with your shelf and your tins. #de: +1 #own: 0 #res: +1 #feedback: Clear directions, and you looked at her, which is a decent answer on a busy day. But she's tired and has been round twice. Walking her over would have made sure she found it.]
    -> first_answer.point

=== first_answer ===
= curt
Shopper: Right. Thanks. #react: annoyed
She stands there a second, then goes. The trolley squeaks away.
You get another row of tins in.
Two minutes later the squeak is back. #time: 2m
Shopper: There's no non-bio. Just a gap where it should be.
You're halfway along a row. You don't look up.
You: Sorry, what?
Shopper: The non-bio. There isn't any. I'm stood here telling you. #pose: Shopper arms-crossed #repeated: that the non-bio is gone
~ crossed = true
Shopper: My grandson's got eczema. The other stuff brings him out in a rash.
-> non_bio

= walk
You get up off the floor. #pose: You stand
~ standing = true
~ walked = true
You: Of course. I'll take you there myself.
You: Anything else you're after while we're going?
Shopper: Oh, you're a star. #react: pleased
Shopper: Just the powder. Non-bio, the big box. It's for my grandson, he's got eczema.
You walk her round to aisle four. Her trolley keeps pulling to the left. #place: laundry #time: 1m
Where the big non-bio boxes should be, there's a gap and a price label.
Shopper: Oh, don't tell me. #react: confused
-> non_bio

= sigh
You let out a long breath and push yourself up off the floor. #pose: You stand
~ standing = true
~ walked = true
You: Come on, then.
Shopper: Sorry. I didn't mean to drag you off. #react: neutral
You walk her round to aisle four without a word. Her trolley keeps pulling to the left. #place: laundry #time: 1m
Where the big non-bio boxes should be, there's a gap and a price label.
Shopper: Oh. There's none. #react: annoyed
Shopper: It has to be non-bio. My grandson's got eczema.
-> non_bio

= point
You get to your feet and look at her properly. #pose: You stand
~ standing = true
You: Aisle four. Down to the end here and turn left. #pose: You point
You: It's halfway down on the right, bottom shelves.
Shopper: Lovely. Thank you. #react: pleased
She wrestles the trolley round. The front wheel has a mind of its own. #pose: You stand
A couple of minutes later she's back, a bit pink in the face. #time: 2m #mood: -1
Shopper: Sorry, me again. There's no non-bio. Only the bio. #react: confused
Shopper: It's for my grandson. He's got eczema, the bio brings him out in a rash.
-> non_bio

=== non_bio ===
{ walked:
    She picks up one of the two small non-bio boxes left and turns it over.
- else:
    She's got two small non-bio boxes in her trolley anyway.
}
Shopper: The little ones are four pound fifty each. The big box was six on the leaflet.
Shopper: I'm not paying nine quid for the same amount.
* ["We're out, sorry. There'll be more in on Thursday." #de: -1 #own: -2 #res: -2 #mood: -1 #feedback: You guessed instead of checking. A gap on the shelf doesn't mean none in the building, and the handheld would have told you in ten seconds.]
    You: We're out, sorry. There'll be more in on Thursday.
    Shopper: Thursday? He's stopping with me tonight. #react: annoyed
    Shopper: I'll have to go into town for it now. On the bus.
    -> trolley_man
* [Tell her to take the two small boxes and you'll make sure she only pays six pounds for them, since it's not her fault the big ones have run out. #de: +1 #own: -2 #res: -2 #mood: +1 #feedback: Kind, and she's happy for now, but you can't change prices. The till will charge nine pounds and she'll find out in the queue, with you nowhere near. Only promise what you can deliver.]
    You: Take those two. I'll make sure you only pay six for them.
    Shopper: Really? Oh, that's kind of you. #react: pleased
    Shopper: Callum's only six. You don't like to see them itching.
    ~ powder = "promised"
    ~ promise_kind = "price"
    -> trolley_man
* ["Honestly, the bio's much the same. He'll be fine with it." #de: -2 #own: -1 #res: -3 #mood: -2 #feedback: She told you why it has to be non-bio. Overruling a doctor about a child's skin to save yourself a trip is the quickest way to lose her trust.]
    You: Honestly, the bio's much the same. He'll be fine with it.
    Shopper: He won't. I've just told you. The doctor said non-bio. He scratches himself raw. #react: angry #repeated: why it has to be non-bio
    { not crossed:
        She folds her arms. #pose: Shopper arms-crossed
        ~ crossed = true
    }
    -> trolley_man
* [Check the handheld for stock in the back. #de: +1 #own: +2 #res: +2 #mood: +1 #time: 15s #feedback: Ten seconds with the handheld turned "we've got none" into "six in the back". Checking before you answer is what ownership looks like on the shop floor.]
    { not standing:
        You get up off your knees. #pose: You stand
        ~ standing = true
    }
    You: Hang on, let me have a look.
    You scan the shelf label. The handheld beeps.
    You: Six of the big ones in the back. They came in this morning.
    You: Give me two minutes and I'll bring you one out.
    Shopper: Oh, would you? Thank you. #react: relieved
    { crossed:
        She unfolds her arms. #pose: Shopper stand
        ~ crossed = false
    }
    ~ powder = "fetching"
    -> trolley_man
* ["I'm so sorry for the inconvenience. I completely understand how frustrating that must be." #de: +1 #own: -1 #res: -2 #mood: -1 #empathy: sorry-for-the-inconvenience #feedback: It sounds kind, and a scorecard would tick "apologised". But it's the script: she never called it an inconvenience, she told you about her grandson's skin. Then you answered without checking. Say back what she actually told you, then look it up. And the same stock line earns less every time you reach for it.]
    ~ said_the_script = true
    You: I'm so sorry for the inconvenience. I completely understand how frustrating that must be.
    Shopper: It's not an inconvenience, love. It's his skin. #react: annoyed
    Shopper: Is there any or isn't there?
    You: If it's not on the shelf, I'm afraid there isn't.
    -> trolley_man

=== trolley_man ===
Priya wheels a cage of crisps past the end of the aisle. #enter: Priya
A man with a loaded trolley pulls up right beside you. #enter: Man with trolley
Man with trolley: Sorry, sorry. Are the rotisserie chickens done? There's nobody on the hot counter.
* ["I'm just with this lady." Then ask Priya if she can help him. #de: +1 #own: +1 #res: +1 #feedback: You stayed with the customer who was first and still got him an answer in one sentence. Handing him to a colleague by name isn't passing the buck, it's using the team.]
    You: I'm just with this lady, sorry. Priya, do you know if the chickens are out?
    Priya: Coming out now! Counter's open again in two minutes.
    Man with trolley: Lovely. Cheers. #react: pleased
    He rattles off towards the bakery. #exit: Man with trolley
    { mood >= 0:
        Shopper: Busy today, isn't it?
        You: Always is, just before five.
    }
    -> dana
* [Leave her where she is and walk him to the hot counter yourself. #de: -1 #own: -1 #res: 0 #feedback: Helping him is kind, but she was first and you left her standing mid-problem. Priya was ten metres away and could have answered him.]
    You: Come on, I'll take you over.
    Shopper: Oh. Right. #react: annoyed
    You walk him to the hot counter. Nobody's there, so you go and find someone.
    It's a good three minutes before you're back. #exit: Man with trolley #wait: 3m
    { not crossed:
        She's waiting with her arms folded. #pose: Shopper arms-crossed
        ~ crossed = true
    }
    -> dana
* [Keep your eyes on the shopper. "Not my department, sorry." #de: -2 #own: -2 #res: -1 #mood: -1 #feedback: He's a customer too, and "not my department" is the line people quote in complaints. One word to Priya would have sorted him out.]
    You: Not my department, sorry.
    Man with trolley: Brilliant. Thanks for nothing. #react: annoyed
    He shoves off, muttering. #exit: Man with trolley
    Shopper: Charming. #react: annoyed
    -> dana
* [Guess. "Ten minutes, mate. Counter's by the bakery." #de: 0 #own: -1 #res: -1 #feedback: Quick, but you made the time up. If he's back in ten and there's still nothing, he's cross with the whole shop. "Let me find out" is just as fast and it's true.]
    You: Ten minutes, mate. Counter's by the bakery.
    Man with trolley: Right. Ta. #react: neutral
    He heads off. #exit: Man with trolley
    { mood >= 0:
        Shopper: Ooh, I might get one myself.
    }
    -> dana

=== dana ===
Dana comes round the corner, headset on, clipboard under her arm. #enter: Dana
Dana: How are we doing? Those tomatoes are still half on the floor.
Dana: Rush starts at five, and I've got head office in first thing tomorrow.
{
- mood <= -5:
    Shopper: Are you the manager? I've been round this shop three times, and nobody's listening. #react: angry
    Dana: I'm sorry. Let's get you sorted. #react: neutral
- mood <= -2:
    Shopper: Are you in charge? I've been round this shop three times now. #react: annoyed
    Dana: Sorry about that. We'll get you sorted. #react: neutral
- else:
    Dana gives the shopper a quick smile, then looks at you.
}
* ["The customer comes first, Dana. I'm sorry, but the shelf will just have to wait until I've finished here." #de: 0 #own: -1 #res: -1 #feedback: The customer does come first, but "the shelf can wait" isn't yours to decide half an hour before the rush. Dana needed a plan, not a speech, and now nobody is doing the tomatoes.]
    You: The customer comes first, Dana. The shelf will have to wait.
    Shopper: Oh, I don't want to get you into trouble. #react: confused
    Dana: Right. Well. It's your shelf. #react: annoyed
    She strides off, talking into her headset. #exit: Dana
    -> close
* ["Sorry, Dana. I'll get back on it now." Leave the shopper where she is. #de: -2 #own: -1 #res: -1 #mood: -1 #feedback: Dana's under pressure, but she never asked you to drop a customer mid-sentence. Ten seconds telling her what you were doing would have kept both of them on side.]
    You: Sorry, Dana. I'll get back on it now.
    Dana: Thank you. #react: relieved
    Dana heads off. #exit: Dana
    ~ went_back = true
    -> close
* [Tell Dana plainly what you're doing, and ask if Priya can take the shelf for ten minutes. #de: +1 #own: +2 #res: +2 #feedback: You told your manager the truth and asked for help with the task instead of choosing between the task and the customer. That's how the shopper gets served and the shelf still gets done.]
    { powder:
    - "fetching":
        You: This lady needs non-bio for her grandson. There's six in the back, I'm fetching one now.
    - "promised":
        You: I'm sorting this lady's washing powder. I've said she can have two small boxes for six pounds.
        Dana: Two for six? The till won't do that, and I'm not overriding prices tonight. #react: confused
        Shopper: Oh. #react: annoyed #mood: -2
    - else:
        You: This lady needs non-bio for her grandson's eczema, and the big boxes are gone.
        Dana: Non-bio? There's a stack of it on the cage that came with your tomatoes. #react: confused
    }
    You: Could Priya take the tomatoes for ten minutes? Then I'm straight back on them.
    Dana: Go on, then. Priya! Tomatoes, ten minutes, please.
    Priya: On it. #react: pleased
    Priya parks the crisps and heads for the tomatoes. #exit: Priya
    Dana: Five o'clock, yeah? Thanks for telling me. #react: neutral
    Dana heads off. #exit: Dana
    ~ dana_told = true
    ~ shelf_covered = true
    -> close

=== close ===
{
- went_back:
    -> left_behind
- powder == "fetching":
    -> with_box
- powder == "promised":
    -> promised_close
- else:
    -> empty_handed
}

=== with_box ===
You nip through the swing doors. The non-bio is on the same cage your tomatoes came off.
You're back in two minutes with the big box. #time: 2m
Shopper: Oh, that's the one. #react: relieved #mood: +2
{ crossed:
    She unfolds her arms. #pose: Shopper stand
    ~ crossed = false
}
* [Promise to keep a couple of boxes aside for her behind customer service every week. #de: +1 #own: -2 #res: -1 #mood: +2 #feedback: She's delighted now, but holding stock for one customer is against policy, and nobody at the desk will know about your promise next week. You've set up her next disappointment.]
    You: Tell you what. I'll keep a couple of big boxes behind customer service for you. Every week.
    ~ promise_kind = "hold"
    -> end_promise
* [Hand her the box, say the big ones will be back on the shelf tomorrow, then go back to your shelf. #de: +1 #own: +1 #res: +2 #mood: +1 #feedback: Problem solved, a useful tip for next time, and you went straight back to the job that was still yours. Warm and brief is the sweet spot.]
    You: There you go. The big ones will be back on the shelf tomorrow, so no hunting next time.
    You: I'd better get back to my tomatoes before the rush.
    Shopper: You go. Thanks, love, you've saved me a trip. #react: pleased
    -> shelf_check
* [Walk her to the tills, help her unload, and have a proper chat about her grandson while she waits in the queue. #de: +1 #own: -1 #res: 0 #mood: +2 #feedback: Lovely for her, but she'd have been just as happy with the box and a smile. The fifteen minutes at the tills came straight out of your shelf.]
    You: Come on, I'll walk you round.
    You help her unload at the till. She tells you all about Callum, his cream, and his school trip.
    By the time she's through, it's ten to five. #time: 15m
    Shopper: You've been ever so kind. #react: pleased
    -> end_shelf_missed
* [Hand it over. "There you go." Then walk off. #de: -1 #own: 0 #res: +1 #mood: -1 #feedback: She got her powder, but "there you go" and your back is a flat end to a good save. One more sentence about when the big boxes are back would have sent her off happy.]
    You: There you go.
    You turn away before she can say anything.
    Shopper: Oh. Thanks. #react: neutral
    -> shelf_check

=== promised_close ===
{ dana_told:
    Shopper: So I'm paying nine pounds after all? #react: annoyed
- else:
    She turns her trolley towards the tills, pleased as anything.
    The small boxes are four fifty each on the system. Nobody has changed that.
}
* [Leave it. It's out of your hands now. #de: -1 #own: -2 #res: -2 #mood: -1 #feedback: Leaving it means she pays for your mistake, in money or in a wasted trip. You made the promise, so putting it right was yours too.]
    You let her go.
    { dana_told:
        -> end_lost
    - else:
        -> end_promise
    }
* [Tell her to say at the till that you said it was fine. #de: 0 #own: -3 #res: -2 #feedback: You've sent her to argue with a cashier about a promise you had no right to make. The till can't do it, so she'll end up at customer service, cross with the whole shop.]
    You: Just tell them at the till I said it was fine.
    Shopper: Right. I will. #react: neutral
    -> end_complaint
* [Own it. Say you got it wrong, and fetch her a big box from the back. #de: 0 #own: +2 #res: +2 #mood: +1 #feedback: You made a mistake and fixed it yourself, in plain words. And there was a better answer in the back all along. Honesty cost you a minute, not a customer.]
    You: I'm sorry, I got that wrong. I can't change prices.
    You: But there might be big boxes in the back. Let me look.
    You scan the shelf label. Six in the back. #time: 15s
    -> fetch_then_end

=== empty_handed ===
{ dana_told:
    Shopper: So there is some. On a cage in the back. #react: annoyed
- else:
    Shopper: So that's it, then? #react: annoyed
}
* [Say sorry, check the handheld properly, and fetch her a box from the back. #de: +1 #own: +2 #res: +2 #mood: +1 #feedback: You got it wrong and then put it right yourself, out loud, without excuses. A customer forgives a mistake far faster than a shrug.]
    You: I'm sorry. I should have checked. Give me two minutes.
    You scan the shelf label. Six in the back. #time: 15s
    -> fetch_then_end
* [Send her to customer service. They can sort it out. #de: -1 #own: -2 #res: -1 #mood: -2 #feedback: Customer service would have to do exactly what you could have done with the handheld. Now she's queuing again, and she's telling the story of you while she waits.]
    You: Customer service can sort it out for you. By the front doors.
    Shopper: Oh, I'll be going to customer service all right. #react: angry
    -> end_complaint
* ["Sorry. There's nothing more I can do." #de: -1 #own: -1 #res: -2 #mood: -1 #feedback: There was more you could do. The stock was in the building. "Nothing I can do" tells her the problem is hers now, and she'll solve it somewhere else.]
    You: Sorry. There's nothing more I can do.
    -> lost_or_complaint
* ["I'm sorry for the inconvenience. Is there anything else I can help you with today?" #de: +1 #own: -2 #res: -2 #mood: -1 #empathy: sorry-for-the-inconvenience #feedback: The call-centre close, on a shop floor. Polite, but it's a script, and "anything else?" tells her you're wrapping up while her problem is still open. If she'd heard that apology from you already, it earned even less: the same stock line twice sounds like a recording.]
    You: I'm sorry for the inconvenience. Is there anything else I can help you with today?
    { said_the_script:
        Shopper: That's twice you've said that. #mood: -1
    }
    Shopper: Anything else? I haven't had the first thing yet. #react: angry
    -> lost_or_complaint

=== left_behind ===
{ walked:
    You head back to aisle seven and kneel at the cage. #pose: You kneel #place: aisle
- else:
    You kneel back down at the cage. #pose: You kneel
}
You get a whole row of tins in before you look up.
{ powder:
- "fetching":
    She's still standing by her trolley, waiting for the box you promised. #wait: 3m
- "promised":
    She's heading for the tills with two small boxes and your six-pound promise. #time: 3m
- else:
    She's putting her coat back on. #react: Shopper annoyed #wait: 3m
}
* {powder == "fetching"} [Keep stacking. Somebody else will help her. #de: -2 #own: -2 #res: -2 #feedback: You told her two minutes and then walked away. Dana wanted the shelf done, not a customer abandoned. A promise to a customer is yours until it's kept or handed on.]
    -> end_left_waiting
* {powder == "fetching"} [Ask Priya to take her a big box from the back. #de: 0 #own: 0 #res: +1 #feedback: She gets her box, which matters. But it's late, it's second-hand, and nobody has said sorry for the wait. Priya is doing your apologising for you.]
    You: Priya, could you grab that lady a big non-bio from the back? I said I would.
    Priya: Go on, then. #react: neutral
    Priya fetches a box from the back and takes it over. #wait: 2m
    -> end_served_late
* {powder == "fetching"} [Put the tins down, fetch her box yourself, and say sorry for the wait. #de: +1 #own: +1 #res: +1 #mood: +1 #feedback: Good recovery. You went back to your promise and owned the wait. Better still would have been telling Dana what you were doing in the first place.]
    You fetch the box from the back and take it to her. #time: 2m
    You: Sorry, that took longer than two minutes. Here you go.
    -> end_served_late
* {powder == "promised"} [Keep stacking. The till will probably sort it out. #de: -1 #own: -2 #res: -2 #feedback: The till can't sort it, because the price you promised doesn't exist. She'll find out in the queue, with you nowhere near.]
    -> end_promise
* {powder == "promised"} [Catch her before the tills, tell her you got the price wrong, and fetch her a big box from the back. #de: 0 #own: +2 #res: +1 #mood: +1 #feedback: Honest, and you fixed it before it cost her anything. It would have been easier to get it right before Dana turned up, but this is real ownership.]
    You catch her at the end of the queue.
    You: I'm sorry, I got the price wrong. But there are big boxes in the back. Two minutes.
    Two minutes later you're back with the box. #time: 2m
    -> end_served_late
* {powder == "none"} [Keep stacking. She'll find some somewhere else. #de: -1 #own: -2 #res: -2 #feedback: She will find some somewhere else, and she'll shop there next time too. The stock she needed was on a cage twenty metres away.]
    -> lost_or_complaint
* {powder == "none"} [Go after her, check the handheld, and get her a box from the back. #de: +1 #own: +2 #res: +1 #mood: +1 #feedback: Late, but you went after her and fixed your own mistake. That turns a lost customer into one with a story about the clerk who came running.]
    You catch her by the door and scan a shelf label on the way. Six in the back. #time: 30s
    You: Don't go. I was wrong, we've got some. Two minutes.
    Two minutes later you're back with the box. #time: 2m
    -> end_served_late

=== fetch_then_end ===
You nip through the swing doors. The non-bio is on the same cage your tomatoes came off.
You're back in two minutes with the big box. #time: 2m
{ crossed:
    She unfolds her arms. #pose: Shopper stand
    ~ crossed = false
}
Shopper: Oh, that's the one. #react: relieved #mood: +2
You: There you go. The big ones will be back on the shelf tomorrow.
-> shelf_check

=== shelf_check ===
{ shelf_covered:
    -> end_served
- else:
    -> end_shelf_missed
}

=== lost_or_complaint ===
{ mood <= -5:
    -> end_complaint
- else:
    -> end_lost
}

=== end_served ===
She squeaks off towards the tills, the box on top of her shopping. #exit: Shopper
Back at the cage, Priya has half the tomatoes out already. #enter: Priya #place: aisle
Priya: You do the top, I'll pass them up.
The last tin goes on at ten to five. #time: 8m
Dana walks past, looks at the shelf, and nods.
The rush arrives to a full shelf. #ending: Shopper served, shelf done #resolved: yes
-> END

=== end_shelf_missed ===
She goes off with her powder. #exit: Shopper
{ shelf_covered:
    Priya did ten minutes on the tomatoes, then had to get back to her crisps.
}
You get back to the cage at five to five. Half of it is still in the aisle. #place: aisle
The rush arrives. People reach over you for tins. #time: 5m
Dana stops at the end of the aisle. #enter: Dana
Dana: We'll talk after head office. #react: annoyed
The customer got looked after. The shelf didn't. #ending: Served, but the shelf missed the rush #resolved: yes
-> END

=== end_lost ===
Shopper: I'll try the big place on the ring road. #react: annoyed
She leaves the trolley by the doors, wonky wheel and all, and walks out. #exit: Shopper
You go back to your tomatoes. She won't complain. She just won't come back. #ending: Directions given, customer lost #resolved: no #place: aisle
-> END

=== end_complaint ===
She pushes off towards the front of the shop. #exit: Shopper
{ powder == "promised":
    At the till the small boxes scan at four fifty each. The cashier has never heard of any deal. #mood: -3
}
At the desk she has to tell it all again, from the gap on the shelf to you. #repeated: the whole story, at customer service
Twenty minutes later Dana comes to find you. #enter: Dana #time: 20m
Dana: There's a lady at customer service asking for your name. #react: annoyed
{ powder == "promised":
    Dana: Something about a price you promised her.
- else:
    Dana: Non-bio, a grandson with eczema, and quite a lot about you.
}
Dana: Head office are in tomorrow. This is going in the book. #ending: Complaint at customer service #resolved: no
-> END

=== end_promise ===
{ promise_kind == "hold":
    Shopper: You're an angel. See you next week. #react: pleased
    She squeaks off, happy. #exit: Shopper
    Next week she asks at customer service for her boxes.
    Nobody there knows anything about them. Nobody could have.
    // She went home with her powder, so today's problem was solved; next week's is new.
    She'll remember the broken promise, not the help. #ending: Promised more than you could give #resolved: yes
- else:
    At the till the small boxes scan at four fifty each.
    The cashier has never heard of any deal. She pays nine pounds.
    She leaves without looking back. #exit: Shopper #mood: -3
    She'll remember the broken promise, not the help. #ending: Promised more than you could give #resolved: no
}
-> END

=== end_left_waiting ===
You get the last tin on at ten to five. Dana gives you a thumbs up as she passes. #time: 5m
When you next look up, the shopper has gone. So has her trolley. #exit: Shopper #wait: 5m
The non-bio is still on the cage in the back, where you left it. #ending: Shelf done, shopper left waiting #resolved: no
-> END

=== end_served_late ===
{ crossed:
    She unfolds her arms. #pose: Shopper stand
    ~ crossed = false
}
Shopper: Took a while. Thank you, though. #react: relieved
She squeaks off towards the tills. #exit: Shopper
Back at the cage, the last tin goes on at five to five. #pose: You kneel #place: aisle #time: 10m
She got what she came for. She just had to wait for it. #ending: Shelf done, shopper served late #resolved: yes
-> END
