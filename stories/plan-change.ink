# title: One Phone, Two Hours
# summary: Grace wants one line of her family plan moved onto a BlackBerry she has already bought. For Sales it is a ten-minute job. Passed around, it is six calls, a dropped line and most of an afternoon. You take every call along the way.
# setting: desk
# difficulty: advanced
# minutes: 15
# pass: de 60, own 70, res 60
# cast: You=player, Grace=customer, Kev=colleague, Marsha=manager
# caller: Grace Okafor
# account: 4471-209 · Family Share, 4 lines
# facts: line3=Line 3: swap from Android to BlackBerry, owned=She bought the BlackBerry outright, verified=Identity verified, sim=She has a new nano SIM from the shop, tried=Tech already checked the phone works

// Based on a real afternoon: one phone, six calls, two departments and one dropped line, when the
// first rep could have done it in ten minutes. The trainee plays every rep along the way.
//
// What is true all along: nothing is wrong with the phone. Line 3 needs a device change on the
// account, which is a Sales job: swap the number onto the SIM she already holds (by the number
// printed on the card) and update the IMEI. Technical Support cannot change the account.
//
// Grace's mood carries from call to call, from -10 (furious) to +10 (delighted). Holds drain it
// (a queue after a cold transfer empties it), so from the second call on she arrives angry. Mood
// only changes what she says here; what happens next is decided by the choices. At -8 or lower
// she threatens to take all four lines elsewhere.
VAR mood = 0
// Set by the game when a rep ticks the fact in the call notes (header `facts`). The next rep
// reads the notes: what was written down, she does not have to say again.
VAR noted_line3 = false
VAR noted_owned = false
VAR noted_verified = false
VAR noted_sim = false
VAR noted_tried = false
// She has already heard "sorry for any inconvenience" from a rep today.
VAR said_script = false
// The last call ended with the line going dead mid-transfer.
VAR dropped = false
// Which rep is handing over to Kev or the resolution desk (for the briefing).
VAR rep_name = "Jordan"

-> call_one

=== call_one ===
Monday, ten past two. Sales, desk fourteen. Your headset is on and your queue light is green.
The account already has a note on it from this morning. #crm: Store, Westfield: asked if a BlackBerry will work on her plan. Told yes, ring Sales to move line 3.
The phone rings. #call: Sales #rep: Jordan #breaker: Sales does device changes: take the SIM number and the IMEI, swap the SIM, update the device record and test it with her. Own it.
You: Good afternoon, you're through to Sales, Jordan speaking. How can I help?
Grace: Hello. I hope this is a quick one. We've got four phones on a family plan with you, and I want to change one of them, mine, from an Android to a BlackBerry.
Grace: I've bought the BlackBerry already, outright. I just need it working on my number.
* ["Thank you for calling. I'm sorry for any inconvenience. Before I can help you today, I'll need to take you through security." #de: +1 #own: 0 #res: 0 #empathy: sorry-for-any-inconvenience #feedback: Nothing has gone wrong yet, so the apology is pure script, and going straight to security before a word about her phone makes her a process. Security is needed: say what you'll do for her first, then why you're asking.]
    ~ said_script = true
    You: Thank you for calling. I'm sorry for any inconvenience. Before I can help you today, I'll need to take you through security.
    Grace: There's no inconvenience yet, love. Go on, then.
    -> security
* ["A BlackBerry! I haven't set one of those up in a while. This is one I can do, so let's get your account open." #de: +2 #own: +2 #res: +1 #mood: +2 #feedback: A smile in the voice, and "this is one I can do" before she's had to ask twice. She relaxes because she can hear that the problem has landed with someone who'll keep it.]
    You: A BlackBerry! I haven't set one of those up in a while. This is one I can do, so let's get your account open.
    Grace: Oh, lovely. My friend said it took her all afternoon.
    -> security
* ["Let me just pull your account up." Put her on hold while the system loads. #action: hold #de: -2 #own: 0 #res: 0 #feedback: Five minutes of hold music without asking or saying how long. She didn't know if you were still there. Talk to her while the account loads, or ask first and give a time.]
    You: Let me just pull your account up.
    The account takes its time. Grace gets the hold music: a pan-pipe Wonderwall, four bars on a loop. #hold: 5m
    Grace: Hello? Are you still there? I thought I'd been cut off.
    -> security

= security
You: Can I take the account number, please?
Grace: Four four seven one, two zero nine.
You: And the first line of the address, and your date of birth?
She reads them out. Security passed. #time: 1m
Grace: It's line three, my line. The shop gave me a little SIM card with the phone, because my old one's too big for it.
The account opens: Family Share, four lines. Line three, Samsung Galaxy, micro SIM. There is a Devices tab you have never had a reason to open.
* ["Would you mind if I put you on hold for two minutes while I check how we do this? I'll come straight back." #action: hold #de: +1 #own: 0 #res: 0 #feedback: Asking first and giving a time is how to hold, and checking beats guessing. But the Devices tab was in front of you: a hold is for what you can't find out with her on the line.]
    You: Would you mind if I put you on hold for two minutes while I check how we do this? I'll come straight back.
    Grace: That's fine.
    You search the knowledge base while the pan pipes play to her. #hold: 2m asked
    -> found_two
* [Mute, and ask Kev on the next desk whether Sales can do a SIM swap. #action: mute #de: 0 #own: +1 #res: +1 #feedback: Asking a teammate beats guessing and beats a transfer, and Kev knew. Next time tell her before you go quiet: "Let me check one thing with a colleague."]
    -> ask_kev
* [Open the Devices tab. "You've got the SIM from the shop? Then we can do it now, together." #de: +2 #own: +2 #res: +2 #feedback: You picked up what she'd said about the shop SIM and built on it. You didn't know the screen, but you knew it was an account change, and that's Sales. Opening the tab with her on the line kept the problem with you.]
    You: You've got the SIM from the shop? Then we can do it now, together.
    -> swap
* ["A new phone that won't work is Technical Support. I'll transfer you to them now." #action: transfer #de: 0 #own: -2 #res: -2 #feedback: Nothing was broken: she needs a device change on her account, and that's Sales. "Won't work" sounded technical, so you passed it on, cold. She starts again from nothing in another queue.]
    You: A new phone that won't work is Technical Support. I'll transfer you to them now.
    Grace: Oh. It's not that it won't work, it's just not on my...
    -> cold

= found_two
Two articles come up. "Device change (Sales): SIM swap and IMEI update." And "New phone not working? Transfer to Technical Support."
Grace: Hello?
* ["Sorry, bear with me a bit longer." Put her back on hold while you read both articles properly. #action: hold #de: -2 #own: 0 #res: 0 #feedback: The two minutes you asked for became six, and the second hold came with no time and no reason. Reading both articles was sensible; doing it in silence cost her patience you'll need later.]
    You: Sorry, bear with me a bit longer.
    You read both articles to the end while the pan pipes start again. #hold: 4m
    The Sales one is yours: device changes, done on the Devices tab.
    You: Sorry about that. Good news: this is one I can do. Have you got that SIM card there?
    -> swap
* ["Thanks for waiting. This is one I can do: a device change. Have you got the SIM there?" #de: 0 #own: +2 #res: +1 #feedback: The right article: it's a device change, and that's Sales. You got there after a hold she didn't strictly need, but you got there, and you said "I can do this".]
    You: Thanks for waiting. This is one I can do: a device change. Have you got the SIM there?
    -> swap
* [Mute, and ask Kev which of the two articles is the right one. #action: mute #de: 0 #own: +1 #res: +1 #feedback: Two articles and a doubt: asking the person next to you settled it in thirty seconds. She'd already held for two minutes, though, so tell her what you're doing before you go quiet again.]
    -> ask_kev

= ask_kev
You mute the line and lean round the partition. #time: 30s
You: Kev. She's bought a BlackBerry outright and wants it on her line. Is that us or Tech?
Kev: Us. Devices tab, swap the SIM by the number on the card, then update the IMEI. Don't send her to Tech, they can't touch the account.
You unmute.
You: Sorry, Grace, I was checking one thing with a colleague. This is one I can do. Have you got that SIM card handy?
-> swap

= swap
You open the Devices tab on line three.
You: Can you read me the long number on the SIM card? It should start eight nine four four.
Grace: Eight nine four four, one zero, two six... it's tiny print... one one five, four nine two, seven three eight, eight.
You read it back to her, digit by digit. It matches. #time: 30s
You: And if you type star, hash, zero, six, hash on the BlackBerry, it'll show you another long number.
Grace: Three five, two zero nine four, zero six, three eight eight, one two four, seven.
Both numbers are in. The screen offers two buttons: "Swap to this SIM now" and "Order a replacement SIM".
* [Swap the SIM and update the IMEI, then stay on while she puts the new SIM in, and ring her BlackBerry. #de: +2 #own: +2 #res: +3 #time: 4m #feedback: This is the whole job: swapped, updated, and proved on the call, so nobody finds out tomorrow that it didn't take. Four minutes of staying on the line is what turned "should work" into "works".]
    You: Done. Your Android will lose its signal in a minute. Pop the new SIM in the BlackBerry and switch it on, and I'll stay on the line.
    The Galaxy goes quiet. The BlackBerry takes its time to start. #time: 1m
    Grace: It's got your network name at the top. Oh, and four bars.
    You: I'm ringing it now from here.
    Grace: It's ringing! It's actually ringing. That was easy. I was dreading this call. #mood: +2
    You: You're all set. Line three is on the BlackBerry, and the Android can go in a drawer. Anything else I can do?
    Grace: No, that's it. Thank you, Jordan. You've made my afternoon. #ending: Sorted in one call #resolved: yes
    -> END
* [Order one of our own SIMs to be posted out instead, to be on the safe side: three to five working days. #de: +1 #own: 0 #res: -2 #feedback: It sounds careful, but the shop SIM is one of ours and it works today. Now she waits a week for a card she didn't need, with a new phone in a drawer. Caution that costs the customer isn't care.]
    You: To be on the safe side I'll post you one of our own SIMs. It'll be with you in three to five working days, and it activates itself.
    Grace: A week? But I've got one here. Oh, well. If that's how it's done.
    She thanks you, but she doesn't sound thanked. #ending: A SIM in the post she didn't need #resolved: no
    -> END
* [Swap the SIM and update the IMEI, and tell her: "It can take up to 24 hours. If it's not working by tomorrow, give us a ring." #de: 0 #own: -1 #res: +1 #time: 2m #feedback: The swap was right, but you left her to find out alone whether it worked, and told her to ring back if not. It went live in ten minutes; one test call on the line would have proved it and closed it.]
    You: That's done. It can take up to 24 hours. If it's not working by tomorrow, give us a ring.
    Grace: Twenty-four hours? Right. I'll keep the old one switched on, then.
    It goes live ten minutes later. She finds out by trying it herself. #ending: Swapped, but never tested #resolved: yes
    -> END

= cold
You press transfer and pick Technical Support from the list. #transfer: Technical Support cold
She's gone before you finish saying goodbye.
You write up the call for whoever gets her next. #notes: call 1
-> call_two

=== call_two ===
~ rep_name = "Priya"
The phone rings. #call: Technical Support #rep: Priya #breaker: Nothing is wrong with the phone. Tech can't change the account, but you can check quickly and warm-transfer to Sales with a full briefing, so she never says it all again.
The caller has been in the Technical Support queue for twelve minutes. #wait: 12m
You: Technical Support, Priya speaking. Sorry for the wait.
{ mood <= -5:
    Grace: Twelve minutes of pan pipes. I know every note of Wonderwall now.
- else:
    Grace: That hold music. I'll be humming it all night.
}
{ noted_line3 and noted_owned:
    The notes from Sales are on screen: line three, a BlackBerry she bought outright.
    You: I can see you're moving line three to a BlackBerry you've bought yourself.
    Grace: Oh, thank goodness. Somebody wrote it down. #mood: +1
- else:
    The notes from Sales don't tell you what she wants.
    You: How can I help today?
    Grace: I've just explained all this. I've bought a BlackBerry, outright, and I want it on line three of our plan instead of my Android. #repeated: the whole story
}
{ not noted_verified:
    You: Before we go on, can I take the account number?
    Grace: Four four seven one, two zero nine. Again. #repeated: account number
}
* [Run the new-device checklist from the top, so nothing gets missed: restart, reseat the SIM, reset the network settings, test on wi-fi. #de: -1 #own: 0 #res: -1 #time: 6m #feedback: Every step passed, because nothing was wrong with the phone. Six minutes of off-and-on-again told her you weren't listening to what she'd just said she needed.]
    You: Let's start with the basics. Could you switch the phone off for me?
    You take her through the whole checklist. Every step passes. #time: 1m
    Grace: I did tell you it works.
    -> checked
* [Two quick checks: does it switch on, and find a network with the shop SIM? Then tell her plainly what she needs. #de: 0 #own: +1 #res: +1 #time: 1m #feedback: Two targeted checks and a straight answer: the phone is fine, and now you know exactly what she needs, and that it isn't Tech. That's diagnosis, not a script.]
    You: Two quick questions. Does the BlackBerry switch on? And with the shop's SIM in, does it find a network?
    Grace: Yes, and yes. It just says my number isn't on it.
    -> checked
* ["This isn't a fault with the phone, so it isn't Technical Support. You need Sales. I'll transfer you." #action: transfer #de: -1 #own: -2 #res: -2 #feedback: Right that it's Sales, and then you did to her exactly what was just done to her: a cold transfer, no briefing, back into a queue. Right destination, wrong handover.]
    You: This isn't a fault with the phone, so it isn't Technical Support. You need Sales. I'll transfer you.
    Grace: Sales sent me to you!
    -> drop

= checked
You: The phone's fine. What you need is a device change on the account, and our system can't make those. Sales can.
Grace: Sales sent me to you!
* ["Sorry, you've been passed around already. I'll get Sales on and explain it all while you listen." #action: transfer #de: +2 #own: +2 #res: +2 #feedback: A warm transfer done properly: you stayed on, you told Sales everything, and she heard you do it. It was still a second department, but it was the last one.]
    You: Sorry, you've been passed around already. I'll get Sales on and explain it all while you listen. You won't have to repeat a word.
    -> warm_to_kev
* [Find the Sales transfer code first. Leave her on hold while you look it up in the directory, then put her straight through. #action: hold #de: -2 #own: -2 #res: -2 #feedback: Four minutes of silence, spent finding a code, then a cold transfer. She never heard what was happening or where she was going, and nothing you'd learned went with her.]
    You find the code while she holds. #hold: 4m
    -> drop

= drop
You press transfer. #transfer: Sales cold
Kev: Sales, you're through to Kev, how can I...
The line goes dead. #dropped: the line went dead during the transfer to Sales
~ dropped = true
You write up the call. #notes: call 2
Grace rings back twice. Twice a recording tells her that all our advisers are busy. She puts the kettle on and tries again. #time: 15m
-> call_three

=== warm_to_kev ===
You conference Sales in. Kev picks up. #transfer: Sales warm
You: Kev, it's {rep_name}. I've got Grace Okafor on the line, account 4471-209, security done. She's moving line three to a BlackBerry she bought outright. The phone's fine, I've checked. She's holding a new SIM from the shop. It needs the swap and the IMEI updating. She's been passed around today, so look after her.
Kev: Got it. Hi Grace, I'm Kev in Sales. I won't ask you anything {rep_name}'s just told me. Can you read me the number on that SIM?
Grace: Eight nine four four, one zero, two six, one one five, four nine two, seven three eight, eight.
Kev swaps the SIM and updates the IMEI, and stays on while the BlackBerry restarts. #time: 4m
Kev: I'm ringing it now.
Grace: It's ringing. Oh, thank God. #mood: +3
Kev: You're done, Grace. Sorry it took more than one call.
You drop off the line and write your notes. She got there. #ending: Sorted after a warm transfer #resolved: yes
-> END

=== call_three ===
~ rep_name = "Tom"
The phone rings. #call: Sales #rep: Tom #breaker: She's been passed on twice: own it (device changes are Sales), or follow the guideline and bring in the resolution desk.
{ dropped:
    There's a new note on the account. #crm: Sales, Kev: transfer from Tech dropped before it connected. Tried calling her back: engaged.
}
She's been in the Sales queue for twenty-five minutes. #wait: 25m
You: Sales, Tom speaking. Thanks for waiting.
{ mood <= -8:
    Grace: I have been on hold for forty minutes today. This is my third call. About one phone.
- else:
    Grace: Third time lucky, I hope. This is my third call today.
}
{ dropped:
    Grace: The last one was putting me through to you lot and the line went dead.
}
* [Follow the script: "For security, please confirm the account holder's full name, date of birth and the first line of the address." #de: -1 #own: 0 #res: 0 #mood: -1 #feedback: Security matters, but she passed it on her first call. Reading the script at her, before a word of acknowledgement, told her she's a case number on her third call.]
    You: For security, please confirm the account holder's full name, date of birth and the first line of the address.
    Grace: Grace Okafor. The rest you've had twice already. #repeated: security questions
    She gives it anyway.
    -> listen
* ["I'm so sorry for any inconvenience this has caused. I completely understand your frustration. Can I start with your account number?" #de: +1 #own: -1 #res: 0 #empathy: sorry-for-any-inconvenience #feedback: "Any inconvenience", after three calls and a dropped line, sounds like a recording, and then you asked for a number she's already given twice. If you'd used the line before, it earned even less.]
    You: I'm so sorry for any inconvenience this has caused. I completely understand your frustration. Can I start with your account number?
    { said_script:
        Grace: That's exactly what the first one said.
    }
    Grace: Four four seven one, two zero nine. For the third time. #repeated: account number
    -> listen
* ["Three calls and a dropped line, for one phone. I'd be fed up too. Give me thirty seconds to read the account." #de: +2 #own: +1 #res: 0 #time: 30s #mood: +2 #feedback: You named what happened to her, in her words, and promised the one thing she wanted: not to start again. Thirty seconds of reading saves her five minutes of telling.]
    You: Three calls and a dropped line, for one phone. I'd be fed up too. Give me thirty seconds to read the account, so you don't have to start again.
    Grace: Thank you. Sorry. It's not your fault.
    -> listen

= listen
{ noted_line3 and noted_owned and noted_sim:
    The notes tell you all of it: line three, a BlackBerry bought outright, a new SIM in her hand.
- else:
    The notes don't say what she wants. She tells you.
    Grace: I bought a BlackBerry. I've got the SIM the shop gave me. I want it on line three. That's all I've wanted since two o'clock. #repeated: the whole story
}
Your script says "IMEI and device faults: Technical Support". The Devices tab is one click away.
Grace: Can you do it, or not?
* ["I can't do SIM swaps over the phone, I'm afraid. You'll need to take the BlackBerry into a store with photo ID." #de: -1 #own: -1 #res: -2 #feedback: Wrong, and said with confidence. Sales can swap a SIM by its number over the phone. Now she drives to a shop to have done what you could have done in five minutes.]
    You: I can't do SIM swaps over the phone, I'm afraid. You'll need to take the BlackBerry into a store with photo ID.
    Grace: A shop. With photo ID. For a SIM I'm holding in my hand.
    She hangs up. On Saturday the shop does the swap in four minutes. #ending: Sent to a shop for a SIM she already had #resolved: no
    -> END
* [Tell her you're bringing in the resolution desk, as the guideline says after a second transfer, then mute and ask them to take it. #action: mute #de: +1 #own: +1 #res: +2 #feedback: The guideline exists for exactly this call: two transfers and a drop. You told her what you were doing and handed it up with the story, not down a queue.]
    You: You've been transferred twice today, and that's twice too many. I'm bringing in our resolution desk now. Please stay with me.
    -> resolution_desk
* ["The IMEI part has to be done by Technical Support, so I'll transfer you back to them." #action: transfer #de: -1 #own: -2 #res: -2 #feedback: The script line about IMEIs is for faulty phones, and you used it to send her back to the department that sent her to you. Updating an IMEI on the account is a Sales job.]
    You: The IMEI part has to be done by Technical Support, so I'll transfer you back to them.
    Grace: You are joking.
    You press transfer. #transfer: Technical Support cold
    You write up the call. #notes: call 3
    -> call_four
* ["Yes. Device changes are Sales, and this one's mine now. Read me the number on that SIM card." #de: +1 #own: +2 #res: +2 #feedback: A plain yes, and the problem stopped moving. It took her three calls to reach someone who would say "mine"; you could be the rep who ends it.]
    You: Yes. Device changes are Sales, and this one's mine now. Read me the number on that SIM card.
    Grace reads it out, slowly. You read it back. Then the IMEI. #time: 1m
    You swap the SIM, update the device record, and stay on while the BlackBerry restarts. #time: 4m
    You: I'm ringing it now.
    Grace: It's ringing. Three calls, but it's ringing. Thank you, Tom. #mood: +3
    You add a note so nobody asks her any of this again. #ending: Sorted on the third call #resolved: yes
    -> END

=== call_four ===
~ rep_name = "Aisha"
The phone rings. #call: Technical Support #rep: Aisha #breaker: No more cold transfers: brief Sales on a warm transfer, or follow the escalation guideline and bring in the resolution desk.
She's been in the Technical Support queue for ten minutes. #wait: 10m
You: Technical Support, Aisha speaking.
{ mood <= -8:
    Grace: I've been on the phone for over an hour. If you transfer me again, I'm cancelling all four lines. I mean it.
- else:
    Grace: I've been on the phone most of the afternoon. Please tell me you can do this.
}
{ not noted_tried:
    Grace: And before you ask: yes, I've switched it off and on. Your colleague had me do it twice. #repeated: the phone checks
}
* [Put her on hold while you read back through the afternoon's notes and work out where this should really go next. #action: hold #de: -2 #own: 0 #res: 0 #feedback: Six minutes of silence for someone who has just told you she's been on the phone for an hour. Reading the notes was right; doing it without a word to her was not.]
    You read back through the afternoon while she holds. #hold: 6m
    Grace: Hello? HELLO?
    -> after_hold
* [Mute, and ask your team leader what the guideline says when a customer has already been transferred twice today. #action: mute #de: +1 #own: +2 #res: +2 #feedback: You checked before acting, and the answer was the resolution desk. Following the escalation guideline here is ownership: you didn't pass her on, you passed her up, with the story.]
    You mute and wave to your team leader. She mouths two words back: resolution desk. #time: 30s
    You: Grace, I'm getting our resolution desk on this call now. You won't be transferred again.
    -> resolution_desk
* ["I can't change the account from Tech, but no more queues. I'll get Sales on and brief them while you listen." #action: transfer #de: +2 #own: +2 #res: +2 #feedback: Honest about what you can't do, and then a warm transfer that meant it: no queue, no repeating, and she heard the briefing. That's how a handover breaks the chain.]
    You: I can't change the account from Tech, but no more queues. I'll get Sales on and brief them while you listen.
    -> warm_to_kev

= after_hold
* ["Sales will need to post you a new SIM first. Once it arrives, ring them and they'll activate it." #de: -1 #own: -2 #res: -2 #feedback: She has the SIM in her hand: one question or the notes would have told you. You sent her away with a wrong answer and another call to make.]
    You: Sales will need to post you a new SIM first. Once it arrives, ring them and they'll activate it.
    Grace: I've HAD the SIM since this morning! I'm ringing Sales myself. #repeated: I've got the SIM
    She hangs up.
    You write up the call. #notes: call 4
    She rings Sales straight back. #time: 1m
    -> call_five
* ["Sorry, that was too long. It's an account change, so I'm getting Sales on the line, and I'll brief them while you listen." #action: transfer #de: +1 #own: +2 #res: +2 #feedback: A warm transfer to the right people, with the briefing done in front of her: that breaks the chain. The six silent minutes before it are the part to lose.]
    You: Sorry, that was too long. It's an account change, so I'm getting Sales on the line, and I'll brief them while you listen.
    -> warm_to_kev
* ["I'm sorry, that was far too long without asking you. I'm bringing in our resolution desk now, and I'll stay on until they've got it." #action: mute #de: +1 #own: +1 #res: +2 #feedback: A real apology for your own hold, not a script, and then the escalation the guideline asks for. Late, but you stopped the chain.]
    You: I'm sorry, that was far too long without asking you. I'm bringing in our resolution desk now, and I'll stay on until they've got it.
    -> resolution_desk

=== call_five ===
~ rep_name = "Dan"
The phone rings. #call: Sales #rep: Dan #breaker: It was a Sales job from the first call: do the swap yourself, and don't buy her off with a promise you can't keep.
She's been in the Sales queue for twelve minutes. #wait: 12m
You: Sales, Dan speaking.
{ mood <= -8:
    Grace: I want to cancel. All four lines. Today. #react: angry
- else:
    Grace: I'm this close to moving all four lines somewhere else.
}
{ noted_line3 and noted_owned and noted_sim:
    The notes say it all: line three, a BlackBerry she bought outright, a SIM already in her hand.
- else:
    Grace: A BlackBerry. Line three. I bought it. I have the SIM. Fifth time. #repeated: the whole story
}
* ["You shouldn't have needed more than one call. Device changes are Sales, which is me. Read me the SIM number." #de: +1 #own: +2 #res: +3 #feedback: No script, no offer, no excuses: you said what went wrong and did the job that was always Sales's. Under the threat to cancel, that's all she wanted.]
    You: You shouldn't have needed more than one call. Device changes are Sales, which is me, and I'm doing it now. Read me the SIM number.
    She reads it. You swap the SIM, update the IMEI, and ring the BlackBerry. #time: 5m
    Grace: It's ringing. Five calls. It's ringing. #mood: +3
    You add a note so nobody asks her any of this again. #ending: Sorted on the fifth call #resolved: yes
    -> END
* ["I'm really sorry. To make up for today, I'll put a free upgrade on all four lines for you, completely on the house." #de: +2 #own: -2 #res: -2 #mood: +2 #feedback: It calmed her for a minute, and it was a promise you can't keep: nobody can give a free upgrade on four lines, and nobody else will know you offered. Buying off a threat isn't owning the problem.]
    You: I'm really sorry. To make up for today, I'll put a free upgrade on all four lines for you, completely on the house.
    Grace: Well. That's something. And the BlackBerry?
    -> promised
* ["If you'd like to cancel, I can start that for you now." #de: -1 #own: -2 #res: -3 #feedback: You took the threat as an instruction. She didn't want to leave; she wanted one phone working. Hear what's under a threat to cancel, and fix that.]
    You: If you'd like to cancel, I can start that for you now.
    Grace: Yes. Do that.
    -> cancelled
* ["Your IMEI needs registering before anything else, and that's Technical Support's job. I'll transfer you." #action: transfer #de: -1 #own: -2 #res: -2 #feedback: Registering an IMEI on the account is a Sales job, and you were Sales. You sent a customer who'd threatened to leave back into the queue that made her threaten it.]
    You: Your IMEI needs registering before anything else, and that's Technical Support's job. I'll transfer you.
    -> to_six

= promised
* ["For the BlackBerry itself, Technical Support have to register it. I'll transfer you." #action: transfer #de: -1 #own: -2 #res: -2 #feedback: The promise bought you a minute of goodwill, and you spent it on a cold transfer. The swap was yours to do.]
    You: For the BlackBerry itself, Technical Support have to register it. I'll transfer you.
    -> to_six
* [Do the swap yourself: "Read me the number on the SIM and I'll do it now." #de: +1 #own: +2 #res: +2 #feedback: The swap was right and yours to do. But the free upgrade is still out there, and when she asks for it, nobody will have heard of it.]
    You: Read me the number on the SIM and I'll do it now.
    She reads it. You swap the SIM, update the IMEI, and ring the BlackBerry. #time: 5m
    Grace: It's ringing. Finally. And I'll look out for that upgrade. #mood: +2
    Next month she asks for it. There's no record of it anywhere. #ending: Sorted, with a promise nobody will keep #resolved: yes
    -> END

= to_six
You press transfer. #transfer: Technical Support cold
You write up the call. #notes: call 5
-> call_six

=== call_six ===
~ rep_name = "Ollie"
The phone rings. #call: Technical Support #rep: Ollie #breaker: Six calls in, bring in the resolution desk, stay on the line, and don't read her a script.
She's been in the Technical Support queue for eight minutes. #wait: 8m
You: Technical Support, Ollie speaking. How can I help?
Grace: Do you know how long I've been on the phone today? Nearly two hours. Six calls. One phone. #react: angry
{ mood <= -8:
    Grace: Fix it on this call, or I'm taking all four lines somewhere else.
- else:
    Grace: Please. Just tell me someone can fix it.
}
* ["I'll raise a priority ticket now, and someone from the right team will call you back within 48 hours." #de: -1 #own: -2 #res: -2 #feedback: A ticket and two days, to a customer who has given you two hours. "Someone will call you" is nobody's promise, and she knew it.]
    You: I'll raise a priority ticket now, and someone from the right team will call you back within 48 hours.
    Grace: Don't bother.
    -> cancelled
* ["No more blind transfers. I'm getting the resolution desk on this call, and I'm staying on until it rings." #action: transfer #de: +2 #own: +2 #res: +2 #feedback: The escalation the guideline asked for three calls ago, done properly: a warm handover to someone with the authority to fix it, and you stayed. It ended the afternoon.]
    You: No more blind transfers. I'm getting the resolution desk on this call, and I'm staying on until your BlackBerry rings.
    -> final_fix
* [Follow the retention script: "Before you make any decision, may I tell you about our loyalty offers for families?" #de: -2 #own: -1 #res: -2 #feedback: A sales pitch to a customer who came about one phone and has been on hold for most of two hours. The script is for someone weighing a better deal, not someone who wants her problem fixed.]
    You: Before you make any decision, may I tell you about our loyalty offers for families?
    Grace: No. You may not.
    -> cancelled

=== resolution_desk ===
You message the resolution desk: repeat caller, transferred twice, device change on line three, SIM in hand.
Marsha: Conference me in. I've read the account. I'll take it from here. #time: 30s
Marsha: Grace, I'm Marsha, I run the resolution desk. I've read everything, so you don't need to tell me a thing. I'm swapping your SIM now, and I'm not going anywhere until your BlackBerry rings.
Marsha does the swap and updates the IMEI, and talks her through the restart. #time: 5m
Grace: It's ringing. It's actually ringing. #mood: +3
Marsha: I've put a credit on the account for your afternoon, and a note so nobody asks you any of this again. I'm sorry it took this long. #crm: Resolution desk, Marsha: SIM swapped and IMEI updated on line 3. Goodwill credit applied.
You stay on until she's said goodbye. #ending: Escalated and fixed by the resolution desk #resolved: yes
-> END

=== final_fix ===
You ring the resolution desk and stay on the line. Marsha answers. #transfer: Sales warm
You: Marsha, it's Ollie in Tech. Grace Okafor, account 4471-209, on her sixth call today. She's moving line three to a BlackBerry she bought outright, and she's holding the SIM. It's a device change. She's been on the phone nearly two hours.
Marsha: Six calls. Right. Grace, I'm Marsha, I run the resolution desk. I've got the whole story from Ollie, so you don't need to tell me a thing.
Marsha: Read me the number on that SIM, and I'm not going anywhere until your BlackBerry rings.
Marsha does the swap and updates the IMEI, and talks her through the restart. #time: 5m
Grace: It's ringing. Two hours. It's ringing. #mood: +3
Marsha: I've put a credit on the account, and I'm going to find out why this took six calls. I'm sorry, Grace. #crm: Resolution desk, Marsha: SIM swapped and IMEI updated on line 3 after six calls. Goodwill credit applied. Case raised with Sales and Tech team leaders.
She thanks you both. She sounds too tired to mean it. #ending: Two hours and a BlackBerry #resolved: yes
-> END

=== cancelled ===
The cancellation takes two minutes. Four lines, six years with us. #time: 2m
Grace: And the BlackBerry goes to a network that can put a SIM in it. #react: angry
She's gone. Four lines, and the afternoon she spent on them. #ending: She cancelled all four lines #resolved: no
-> END
