<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Annotator</source>
        <translation>Аннотатор</translation>
    </message>
    <message>
        <source>Your name (a new name makes a new annotator):</source>
        <translation>Атыңыз (жаңа ат жаңа аннотатор жасайды):</translation>
    </message>
    <message>
        <source>The gold layer is edited by reviewers, from review mode.</source>
        <translation>Эталон қабатын рецензенттер рецензия режимінен өңдейді.</translation>
    </message>
</context>
<context>
    <name>Assisting</name>
    <message>
        <source>{accept} accepts, {reject} rejects</source>
        <translation>{accept} қабылдайды, {reject} қабылдамайды</translation>
    </message>
    <message>
        <source>Label every “{text}” as {label}</source>
        <translation>Барлық «{text}» сөзін {label} деп белгілеу</translation>
    </message>
    <message>
        <source>{n} unlabelled occurrences in the document:</source>
        <translation>Құжатта белгіленбеген {n} кездесу:</translation>
    </message>
    <message>
        <source>{n} unlabelled occurrences in the corpus:</source>
        <translation>Корпуста белгіленбеген {n} кездесу:</translation>
    </message>
    <message>
        <source>Label the checked ones</source>
        <translation>Таңдалғандарды белгілеу</translation>
    </message>
    <message>
        <source>suggestion {n} of {count}: {what} ({keys})</source>
        <translation>ұсыныс {n}/{count}: {what} ({keys})</translation>
    </message>
    <message>
        <source>no suggestions: no recommender is loaded</source>
        <translation>ұсыныс жоқ: ұсыныс жүйесі жүктелмеген</translation>
    </message>
    <message>
        <source>no suggestions in this sentence yet (training in the background)</source>
        <translation>бұл сөйлемде әзірге ұсыныс жоқ (фонда оқытылуда)</translation>
    </message>
    <message>
        <source>no suggestions in this sentence at or above {score} ([ lowers the threshold)</source>
        <translation>бұл сөйлемде бағасы {score} немесе одан жоғары ұсыныс жоқ ([ шекті төмендетеді)</translation>
    </message>
    <message>
        <source>no suggestion under the cursor (Tab goes to the next one)</source>
        <translation>курсор астында ұсыныс жоқ (Tab келесісіне өтеді)</translation>
    </message>
    <message>
        <source>accepted {what}</source>
        <translation>қабылданды: {what}</translation>
    </message>
    <message>
        <source>rejected {what}</source>
        <translation>қабылданбады: {what}</translation>
    </message>
    <message>
        <source>{what} of the sentence (one undo takes them back)</source>
        <translation>сөйлемнің {what} (бір болдырмау бәрін қайтарады)</translation>
    </message>
    <message>
        <source>{done} · no more suggestions in this sentence</source>
        <translation>{done} · бұл сөйлемде басқа ұсыныс жоқ</translation>
    </message>
    <message>
        <source>suggestions scoring {score} or more are shown ({n} here)</source>
        <translation>бағасы {score} немесе жоғары ұсыныстар көрсетіледі (мұнда {n})</translation>
    </message>
    <message>
        <source>put the cursor on a labelled entity first: its string is what is looked for</source>
        <translation>алдымен курсорды белгіленген нысанға қойыңыз: ізделетіні — соның мәтіні</translation>
    </message>
    <message>
        <source>no other unlabelled “{text}” in the document</source>
        <translation>құжатта белгіленбеген басқа «{text}» жоқ</translation>
    </message>
    <message>
        <source>no other unlabelled “{text}” in the corpus</source>
        <translation>корпуста белгіленбеген басқа «{text}» жоқ</translation>
    </message>
    <message>
        <source>labelled {n} × “{text}” as {label} (one undo takes them back)</source>
        <translation>{n} × «{text}» {label} деп белгіленді (бір болдырмау бәрін қайтарады)</translation>
    </message>
    <message>
        <source>no entity tagger is trained yet</source>
        <translation>нысан теггері әлі оқытылмаған</translation>
    </message>
    <message>
        <source>nothing is ranked yet</source>
        <translation>әзірге ештеңе реттелмеген</translation>
    </message>
    <message>
        <source>no uncertain sentence to go to: {why} (Ctrl+T trains)</source>
        <translation>өтетін күмәнді сөйлем жоқ: {why} (Ctrl+T оқытады)</translation>
    </message>
    <message>
        <source>training: {problem}</source>
        <translation>оқыту: {problem}</translation>
    </message>
    <message>
        <source>suggestions are off: {problem}</source>
        <translation>ұсыныстар өшірулі: {problem}</translation>
    </message>
    <message>
        <source>the recommender panel could not be read: {problem}</source>
        <translation>ұсыныс жүйесінің панелі оқылмады: {problem}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ештеңе</translation>
    </message>
    <message>
        <source>the recommenders will learn from: {layers} (Ctrl+T trains now)</source>
        <translation>ұсыныс жүйелері мынадан үйренеді: {layers} (Ctrl+T қазір оқытады)</translation>
    </message>
</context>
<context>
    <name>Correcting</name>
    <message>
        <source>Split token</source>
        <translation>Токенді бөлу</translation>
    </message>
    <message>
        <source>Left/Right: where to split · Return: split · Esc: cancel</source>
        <translation>Солға/Оңға: бөлу орны · Return: бөлу · Esc: бас тарту</translation>
    </message>
    <message>
        <source>(move inside the token)</source>
        <translation>(токеннің ішіне жылжытыңыз)</translation>
    </message>
    <message>
        <source>no sentence to correct</source>
        <translation>түзететін сөйлем жоқ</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; has one character: nothing to split</source>
        <translation>&apos;{word}&apos; бір таңбадан тұрады: бөлетін ештеңе жоқ</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Done of assigned</source>
        <translation>Тапсырылғаннан дайын</translation>
    </message>
    <message>
        <source>Per active hour</source>
        <translation>Белсенді сағатына</translation>
    </message>
    <message>
        <source>Last edit</source>
        <translation>Соңғы түзету</translation>
    </message>
    <message>
        <source>Agreement (entity F1)</source>
        <translation>Келісім (нысан F1)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Сөйлемдер</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>Орындаушылар</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>Тексеріс</translation>
    </message>
    <message>
        <source>the dashboard is read when it is shown</source>
        <translation>тақта көрсетілгенде оқылады</translation>
    </message>
    <message>
        <source>the dashboard could not be read: {problem}</source>
        <translation>тақта оқылмады: {problem}</translation>
    </message>
    <message>
        <source> · agreement: computing…</source>
        <translation> · келісім: есептелуде…</translation>
    </message>
    <message>
        <source>{summary} · agreement could not be computed: {problem}</source>
        <translation>{summary} · келісім есептелмеді: {problem}</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Топ тақтасы</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>type to filter</source>
        <translation>сүзу үшін теріңіз</translation>
    </message>
    <message>
        <source>Search the corpus</source>
        <translation>Корпустан іздеу</translation>
    </message>
    <message>
        <source>text to find (any case)</source>
        <translation>ізделетін мәтін (кез келген регистр)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Тағы</translation>
    </message>
    <message>
        <source>first {count} sentences shown; More (or Down on the last) shows more</source>
        <translation>алғашқы {count} сөйлем көрсетілді; «Тағы» (немесе соңғысында Down) келесілерін көрсетеді</translation>
    </message>
    <message>
        <source>{count} sentence(s); Enter jumps to the selected one</source>
        <translation>{count} сөйлем; Enter таңдалғанына өтеді</translation>
    </message>
    <message>
        <source>Keys are named as printed on a US keyboard and work by their place on any layout: with the Kazakh or Russian layout, 2 is the key that types ә or 2, T the key that types е.</source>
        <translation>Пернелер АҚШ пернетақтасындағыдай аталады және кез келген орналасуда өз орнымен жұмыс істейді: қазақ не орыс орналасуында 2 — ә немесе 2 теретін перне, T — е теретін перне.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Пернетақта</translation>
    </message>
    <message>
        <source>label {name}: {guideline}</source>
        <translation>{name} белгісі: {guideline}</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Пернелер</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Не істейді</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Пішім</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Қабат</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Сөйлемдер</translation>
    </message>
    <message>
        <source>Tag scheme (CoNLL)</source>
        <translation>Тег сұлбасы (CoNLL)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Қайда</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Экспорт қалтасы</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Экспорт файлы</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Label</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>nothing to delete under the cursor</source>
        <translation>курсор астында өшіретін ештеңе жоқ</translation>
    </message>
    <message>
        <source>Event type for “{text}”</source>
        <translation>«{text}» үшін оқиға түрі</translation>
    </message>
    <message>
        <source>the sentence has no event yet: select its trigger and press T</source>
        <translation>сөйлемде әлі оқиға жоқ: триггерін белгілеп, T басыңыз</translation>
    </message>
    <message>
        <source>Which event?</source>
        <translation>Қай оқиға?</translation>
    </message>
    <message>
        <source>tag the argument as an entity first</source>
        <translation>алдымен аргументті нысан ретінде белгілеңіз</translation>
    </message>
    <message>
        <source>Argument of {type}</source>
        <translation>{type} аргументі</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөл</translation>
    </message>
    <message>
        <source>   (now)</source>
        <translation>   (қазір)</translation>
    </message>
    <message>
        <source>Attribute of {type}</source>
        <translation>{type} атрибуты</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>тазарту</translation>
    </message>
    <message>
        <source>Stance of this sentence</source>
        <translation>Осы сөйлемнің ұстанымы</translation>
    </message>
    <message>
        <source>Stance of document {name}</source>
        <translation>{name} құжатының ұстанымы</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>сөйлем</translation>
    </message>
    <message>
        <source>document</source>
        <translation>құжат</translation>
    </message>
    <message>
        <source>set a stance first (S for the sentence, D for the document)</source>
        <translation>алдымен ұстанымды қойыңыз (S — сөйлемге, D — құжатқа)</translation>
    </message>
    <message>
        <source>Holder of which stance?</source>
        <translation>Қай ұстанымның иесі?</translation>
    </message>
    <message>
        <source>no holder</source>
        <translation>иесі жоқ</translation>
    </message>
    <message>
        <source>Holder (an entity of this sentence)</source>
        <translation>Иесі (осы сөйлемнің нысаны)</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Жалауша</translation>
    </message>
    <message>
        <source>Comment for the reviewer:</source>
        <translation>Рецензентке түсініктеме:</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>The interface is in {language}.</source>
        <translation>Интерфейс тілі: {language}.</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start.</source>
        <translation>Келесі іске қосудан бастап интерфейс тілі: {language}.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Болдырмау: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Қайталау: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорттау…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорттау…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Ө&amp;ңдеу</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>Аннотацияны ө&amp;шіру</translation>
    </message>
    <message>
        <source>Choose &amp;label…</source>
        <translation>Бел&amp;гіні таңдау…</translation>
    </message>
    <message>
        <source>C&amp;orrect tokens and sentences</source>
        <translation>Токендер мен сөйлемдерді т&amp;үзету</translation>
    </message>
    <message>
        <source>&amp;Split token…</source>
        <translation>Токенді &amp;бөлу…</translation>
    </message>
    <message>
        <source>&amp;Merge token with next</source>
        <translation>Токенді келесімен &amp;біріктіру</translation>
    </message>
    <message>
        <source>Split se&amp;ntence here</source>
        <translation>Сөйлемді осы жерден бө&amp;лу</translation>
    </message>
    <message>
        <source>&amp;Join sentence with next</source>
        <translation>Сөйлемді келесімен &amp;қосу</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Аннотация</translation>
    </message>
    <message>
        <source>Event &amp;trigger…</source>
        <translation>Оқиға &amp;триггері…</translation>
    </message>
    <message>
        <source>&amp;Argument…</source>
        <translation>&amp;Аргумент…</translation>
    </message>
    <message>
        <source>Event att&amp;ributes…</source>
        <translation>Оқиға атри&amp;буттары…</translation>
    </message>
    <message>
        <source>&amp;Stance of sentence…</source>
        <translation>Сөйлем &amp;ұстанымы…</translation>
    </message>
    <message>
        <source>Stance of &amp;document…</source>
        <translation>&amp;Құжат ұстанымы…</translation>
    </message>
    <message>
        <source>Stance &amp;holder…</source>
        <translation>Ұстаным &amp;иесі…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Ө&amp;ту</translation>
    </message>
    <message>
        <source>Mark &amp;done and next</source>
        <translation>&amp;Дайын деп белгілеп, келесіге</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Өткізіп жіберу</translation>
    </message>
    <message>
        <source>&amp;Flag with comment…</source>
        <translation>Түсініктемемен &amp;жалауша қою…</translation>
    </message>
    <message>
        <source>&amp;Next sentence</source>
        <translation>&amp;Келесі сөйлем</translation>
    </message>
    <message>
        <source>&amp;Previous sentence</source>
        <translation>&amp;Алдыңғы сөйлем</translation>
    </message>
    <message>
        <source>Next &amp;not done</source>
        <translation>Келесі дайын е&amp;мес</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Іздеу…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>Whole &amp;article</source>
        <translation>Бүкіл &amp;мақала</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <source>Recommender &amp;panel</source>
        <translation>Ұсыныс &amp;панелі</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>К&amp;өмек</translation>
    </message>
    <message>
        <source>&amp;Keyboard…</source>
        <translation>&amp;Пернетақта…</translation>
    </message>
    <message>
        <source>S&amp;uggest</source>
        <translation>&amp;Ұсыныстар</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>&amp;Келесі ұсыныс</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>&amp;Алдыңғы ұсыныс</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Қабылдау</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>Қабылдама&amp;у</translation>
    </message>
    <message>
        <source>Accept a&amp;ll in sentence</source>
        <translation>Сөйлемдегінің &amp;бәрін қабылдау</translation>
    </message>
    <message>
        <source>&amp;Surer only (raise threshold)</source>
        <translation>Тек се&amp;німдірек (шекті көтеру)</translation>
    </message>
    <message>
        <source>&amp;Less sure too (lower threshold)</source>
        <translation>Сенім&amp;сіздерін де (шекті түсіру)</translation>
    </message>
    <message>
        <source>Label all &amp;occurrences in document…</source>
        <translation>Құжаттағы барлық кездесуді белгі&amp;леу…</translation>
    </message>
    <message>
        <source>Label all occurrences in &amp;corpus…</source>
        <translation>Корпус&amp;тағы барлық кездесуді белгілеу…</translation>
    </message>
    <message>
        <source>Most &amp;useful sentence next</source>
        <translation>Келесі — ең &amp;пайдалы сөйлем</translation>
    </message>
    <message>
        <source>&amp;Train now</source>
        <translation>Қазір &amp;оқыту</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{name}&apos;s entity &apos;{words}&apos; ({label})</source>
        <translation>{name} қойған &apos;{words}&apos; нысаны ({label})</translation>
    </message>
    <message>
        <source>{name}&apos;s event &apos;{words}&apos; ({label})</source>
        <translation>{name} қойған &apos;{words}&apos; оқиғасы ({label})</translation>
    </message>
    <message>
        <source>cannot split &apos;{word}&apos; there: choose a place inside the token</source>
        <translation>&apos;{word}&apos; осы жерден бөлінбейді: токеннің ішінен орын таңдаңыз</translation>
    </message>
    <message>
        <source>cannot merge: the cursor is on the last token of the sentence</source>
        <translation>біріктіру мүмкін емес: курсор сөйлемнің соңғы токенінде</translation>
    </message>
    <message>
        <source>cannot merge &apos;{first}&apos; and &apos;{second}&apos;: white space is between them, and a token has none</source>
        <translation>&apos;{first}&apos; мен &apos;{second}&apos; біріктірілмейді: араларында бос орын бар, ал токенде бос орын болмайды</translation>
    </message>
    <message>
        <source>cannot merge the tokens: {span} and &apos;{label}&apos; would overlap</source>
        <translation>токендерді біріктіру мүмкін емес: {span} мен &apos;{label}&apos; қабаттасып қалады</translation>
    </message>
    <message>
        <source>{span} does not fit the new tokens</source>
        <translation>{span} жаңа токендерге сыймайды</translation>
    </message>
    <message>
        <source>cannot merge the tokens: {span} would be there twice</source>
        <translation>токендерді біріктіру мүмкін емес: {span} екі рет болып қалады</translation>
    </message>
    <message>
        <source>note: {n} word mixes Latin and Cyrillic letters</source>
        <translation>ескерту: {n} сөзде латын және кирилл әріптері аралас</translation>
    </message>
    <message>
        <source>{n} document already present</source>
        <translation>{n} құжат бұрыннан бар</translation>
    </message>
    <message>
        <source>{n} annotator layer already present and left as it was</source>
        <translation>{n} аннотатор қабаты бұрыннан бар, өзгертілмеді</translation>
    </message>
    <message>
        <source>{n} annotator layers already present and left as it was</source>
        <translation>{n} аннотатор қабаты бұрыннан бар, өзгертілмеді</translation>
    </message>
    <message>
        <source>{n} assignment left out (only a reviewer or a manager assigns documents)</source>
        <translation>{n} тапсырма алынып тасталды (құжаттарды тек рецензент не менеджер тағайындайды)</translation>
    </message>
    <message>
        <source>{n} assignments left out (only a reviewer or a manager assigns documents)</source>
        <translation>{n} тапсырма алынып тасталды (құжаттарды тек рецензент не менеджер тағайындайды)</translation>
    </message>
    <message>
        <source>imported {what}</source>
        <translation>импортталды: {what}</translation>
    </message>
    <message>
        <source>note: {n} word mixes Latin and Cyrillic letters (first: {first})</source>
        <translation>ескерту: {n} сөзде латын және кирилл әріптері аралас (алғашқысы: {first})</translation>
    </message>
    <message>
        <source>note: {n} words mix Latin and Cyrillic letters</source>
        <translation>ескерту: {n} сөзде латын және кирилл әріптері аралас</translation>
    </message>
    <message>
        <source>{n} new document</source>
        <translation>{n} жаңа құжат</translation>
    </message>
    <message>
        <source>{n} new documents</source>
        <translation>{n} жаңа құжат</translation>
    </message>
    <message>
        <source>{n} sentence</source>
        <translation>{n} сөйлем</translation>
    </message>
    <message>
        <source>{n} sentences</source>
        <translation>{n} сөйлем</translation>
    </message>
    <message>
        <source>{n} token</source>
        <translation>{n} токен</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} токен</translation>
    </message>
    <message>
        <source>{n} entity</source>
        <translation>{n} нысан</translation>
    </message>
    <message>
        <source>{n} entities</source>
        <translation>{n} нысан</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} оқиға</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} оқиға</translation>
    </message>
    <message>
        <source>{n} stance annotation</source>
        <translation>{n} ұстаным аннотациясы</translation>
    </message>
    <message>
        <source>{n} stance annotations</source>
        <translation>{n} ұстаным аннотациясы</translation>
    </message>
    <message>
        <source>note: {path} was read as plain text: it gave --annotator no labels</source>
        <translation>ескерту: {path} қарапайым мәтін ретінде оқылды: онда --annotator үшін белгі жоқ</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>ескерту: {note}</translation>
    </message>
    <message>
        <source>note: {path}: {n} {things} not imported ({why})</source>
        <translation>ескерту: {path}: {n} {things} импортталмады ({why})</translation>
    </message>
    <message>
        <source>fixed {n} mixed-script word</source>
        <translation>латын және кирилл әріптері аралас {n} сөз түзетілді</translation>
    </message>
    <message>
        <source>note: {n} mixed-script word left as it was (a letter with no look-alike in the other script)</source>
        <translation>ескерту: әріптері аралас {n} сөз өзгертілмеді (бір әріптің екінші жазуда ұқсасы жоқ)</translation>
    </message>
    <message>
        <source>note: {n} mixed-script words left as it was (a letter with no look-alike in the other script)</source>
        <translation>ескерту: әріптері аралас {n} сөз өзгертілмеді (бір әріптің екінші жазуда ұқсасы жоқ)</translation>
    </message>
    <message>
        <source>note: {n} words mix Latin and Cyrillic letters (first: {first})</source>
        <translation>ескерту: {n} сөзде латын және кирилл әріптері аралас (алғашқысы: {first})</translation>
    </message>
    <message>
        <source>{n} documents already present</source>
        <translation>{n} құжат бұрыннан бар</translation>
    </message>
    <message>
        <source>{n} assignment</source>
        <translation>{n} тапсырма</translation>
    </message>
    <message>
        <source>{n} assignments</source>
        <translation>{n} тапсырма</translation>
    </message>
    <message>
        <source>fixed {n} mixed-script words</source>
        <translation>латын және кирилл әріптері аралас {n} сөз түзетілді</translation>
    </message>
    <message>
        <source>cannot split: put the cursor on the token the second sentence begins with</source>
        <translation>бөлу мүмкін емес: курсорды екінші сөйлем басталатын токенге қойыңыз</translation>
    </message>
    <message>
        <source>cannot merge: the document has text between the two sentences</source>
        <translation>біріктіру мүмкін емес: құжатта екі сөйлемнің арасында мәтін бар</translation>
    </message>
    <message>
        <source>cannot split: {span} crosses the cut</source>
        <translation>бөлу мүмкін емес: {span} бөлу орнын кесіп өтеді</translation>
    </message>
    <message>
        <source>cannot split: {span} has its {role} &apos;{words}&apos; on the other side of the cut</source>
        <translation>бөлу мүмкін емес: {span} — оның {role} &apos;{words}&apos; аргументі бөлу орнының арғы жағында</translation>
    </message>
    <message>
        <source>cannot merge: {name}&apos;s stance toward &apos;{target}&apos; is {label} in one sentence and {other} in the other</source>
        <translation>біріктіру мүмкін емес: {name} ұстанымы &apos;{target}&apos; объектісіне бір сөйлемде {label}, екіншісінде {other}</translation>
    </message>
    <message>
        <source>entity label {label} is not in the project&apos;s schema</source>
        <translation>{label} нысан белгісі жобаның схемасында жоқ</translation>
    </message>
    <message>
        <source>event type {event_type} is not in the project&apos;s schema</source>
        <translation>{event_type} оқиға түрі жобаның схемасында жоқ</translation>
    </message>
    <message>
        <source>the schema does not record stance at {level} level</source>
        <translation>схема {level} деңгейіндегі ұстанымды жазбайды</translation>
    </message>
    <message>
        <source>stance target {target} is not in the project&apos;s schema</source>
        <translation>{target} ұстаным объектісі жобаның схемасында жоқ</translation>
    </message>
    <message>
        <source>stance label {label} is not one of {labels}</source>
        <translation>{label} ұстаным белгісі мыналардың бірі емес: {labels}</translation>
    </message>
    <message>
        <source>status {status} is not one of {statuses}</source>
        <translation>{status} күйі мыналардың бірі емес: {statuses}</translation>
    </message>
    <message>
        <source>entities {label} (tokens {start}..{end}) and {other} (tokens {other_start}..{other_end}) overlap, which the schema forbids</source>
        <translation>{label} (токендер {start}..{end}) және {other} (токендер {other_start}..{other_end}) нысандары қабаттасады, ал схема оған тыйым салады</translation>
    </message>
    <message>
        <source>event attribute {name} is not in the project&apos;s schema</source>
        <translation>{name} оқиға атрибуты жобаның схемасында жоқ</translation>
    </message>
    <message>
        <source>event attribute {name} cannot be {value} (one of {values})</source>
        <translation>{name} оқиға атрибуты {value} бола алмайды (мыналардың бірі: {values})</translation>
    </message>
    <message>
        <source>role {role} does not belong to event type {event_type} ({roles})</source>
        <translation>{role} рөлі {event_type} оқиға түріне жатпайды ({roles})</translation>
    </message>
    <message>
        <source>accept {label} into gold</source>
        <translation>{label} эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept what everyone agrees on</source>
        <translation>бәрі келіскенді қабылдау</translation>
    </message>
    <message>
        <source>accept {name}&apos;s stance into gold</source>
        <translation>{name} ұстанымын эталонға қабылдау</translation>
    </message>
    <message>
        <source>the sentence&apos;s tokens were corrected meanwhile: it is shown again as it is now; nothing changed</source>
        <translation>осы арада сөйлемнің токендері түзетілді: ол қазіргі күйінде қайта көрсетілді; ештеңе өзгерген жоқ</translation>
    </message>
    <message>
        <source>split token</source>
        <translation>токенді бөлу</translation>
    </message>
    <message>
        <source>merge tokens</source>
        <translation>токендерді біріктіру</translation>
    </message>
    <message>
        <source>split sentence</source>
        <translation>сөйлемді бөлу</translation>
    </message>
    <message>
        <source>merge sentences</source>
        <translation>сөйлемдерді біріктіру</translation>
    </message>
    <message>
        <source>the sentences changed since the correction (an edit since, yours or another&apos;s)</source>
        <translation>түзетуден кейін сөйлемдер өзгерді (одан кейінгі өңдеу — сіздікі не басқа біреудікі)</translation>
    </message>
    <message>
        <source>cannot merge: this is the last sentence of its document</source>
        <translation>біріктіру мүмкін емес: бұл құжаттың соңғы сөйлемі</translation>
    </message>
    <message>
        <source>tag {label}</source>
        <translation>{label} деп белгілеу</translation>
    </message>
    <message>
        <source>add event {event_type}</source>
        <translation>{event_type} оқиғасын қосу</translation>
    </message>
    <message>
        <source>add argument {role}</source>
        <translation>{role} аргументін қосу</translation>
    </message>
    <message>
        <source>delete entity</source>
        <translation>нысанды жою</translation>
    </message>
    <message>
        <source>delete event</source>
        <translation>оқиғаны жою</translation>
    </message>
    <message>
        <source>delete argument</source>
        <translation>аргументті жою</translation>
    </message>
    <message>
        <source>relabel as {label}</source>
        <translation>белгіні {label} деп өзгерту</translation>
    </message>
    <message>
        <source>set {name} = {value}</source>
        <translation>{name} = {value} орнату</translation>
    </message>
    <message>
        <source>mark {status}</source>
        <translation>күйі: {status}</translation>
    </message>
    <message>
        <source>stance {target}: {label}</source>
        <translation>ұстаным {target}: {label}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>document stance {target}: {label}</source>
        <translation>құжат ұстанымы {target}: {label}</translation>
    </message>
    <message>
        <source>event {label}</source>
        <translation>{label} оқиғасы</translation>
    </message>
    <message>
        <source>accept {what}</source>
        <translation>қабылдау: {what}</translation>
    </message>
    <message>
        <source>reject {what}</source>
        <translation>қабылдамау: {what}</translation>
    </message>
    <message>
        <source>accept {count} suggestion(s)</source>
        <translation>{count} ұсынысты қабылдау</translation>
    </message>
    <message>
        <source>label {count} occurrence(s) {label}</source>
        <translation>{count} кездесуді {label} деп белгілеу</translation>
    </message>
    <message>
        <source>fix {old} to {new}</source>
        <translation>{old} → {new} түзету</translation>
    </message>
    <message>
        <source>at least two annotators are needed to compare, and the project has {count}</source>
        <translation>салыстыру үшін кемінде екі аннотатор керек, ал жобада: {count}</translation>
    </message>
    <message>
        <source>at least two annotators are needed to compare, and the project has {count} (others, such as {others}, are compared only when named)</source>
        <translation>салыстыру үшін кемінде екі аннотатор керек, ал жобада: {count} (басқалары, мысалы {others}, аты аталғанда ғана салыстырылады)</translation>
    </message>
    <message>
        <source>{documents} documents: {given} assigned ({several} to several people), {ready} ready for curation</source>
        <translation>{documents} құжат: {given} тапсырылған ({several} бірнеше адамға), {ready} құжат салыстыруға дайын</translation>
    </message>
    <message>
        <source>{done} of {assigned}</source>
        <translation>{assigned} ішінен {done}</translation>
    </message>
    <message>
        <source>{done} (nothing assigned)</source>
        <translation>{done} (ештеңе тапсырылмаған)</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>дайын</translation>
    </message>
    <message>
        <source>{n} doc</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>{n} docs</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>әлі емес</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>тапсырылмаған</translation>
    </message>
    <message>
        <source>{path}: the project file is damaged ({problem}); close the window and restore the newest backup with: {command}</source>
        <translation>{path}: жоба файлы бүлінген ({problem}); терезені жауып, ең жаңа сақтық көшірмені мына пәрменмен қалпына келтіріңіз: {command}</translation>
    </message>
    <message>
        <source>{path}: the project file is damaged ({problem}); no backup of it was found</source>
        <translation>{path}: жоба файлы бүлінген ({problem}); оның сақтық көшірмесі табылмады</translation>
    </message>
    <message>
        <source>{extent} covered by two or more of them ({scope})</source>
        <translation>{extent} екі не одан көп аннотатор қамтыған ({scope})</translation>
    </message>
    <message>
        <source>marked done, in the documents assigned to them</source>
        <translation>дайын деп белгіленген, оларға тапсырылған құжаттарда</translation>
    </message>
    <message>
        <source>all sentences, in the documents assigned to them</source>
        <translation>барлық сөйлем, оларға тапсырылған құжаттарда</translation>
    </message>
    <message>
        <source>marked done</source>
        <translation>дайын деп белгіленген</translation>
    </message>
    <message>
        <source>all sentences</source>
        <translation>барлық сөйлем</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no assigned document in common</source>
        <translation>салыстырылатын аннотаторлардың ({names}) ортақ тағайындалған құжаты жоқ</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no sentence in common marked done in the documents assigned to them</source>
        <translation>салыстырылатын аннотаторлардың ({names}) өздеріне тағайындалған құжаттарда дайын деп белгіленген ортақ сөйлемі жоқ</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no sentence in common marked done</source>
        <translation>салыстырылатын аннотаторлардың ({names}) дайын деп белгіленген ортақ сөйлемі жоқ</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>дерек жоқ</translation>
    </message>
    <message>
        <source>{a}/{b} {figure} ({extent})</source>
        <translation>{a}/{b} {figure} ({extent})</translation>
    </message>
    <message>
        <source>Entities: alpha {alpha}; {pairs}.</source>
        <translation>Нысандар: альфа {alpha}; {pairs}.</translation>
    </message>
    <message>
        <source>Events: {pairs}.</source>
        <translation>Оқиғалар: {pairs}.</translation>
    </message>
    <message>
        <source>Stance: alpha {alpha} over {items} sentence–target items, without none {without}</source>
        <translation>Ұстаным: альфа {alpha}, {items} сөйлем–объект бірлігі бойынша, none-сыз {without}</translation>
    </message>
    <message>
        <source>Entities: {none}.</source>
        <translation>Нысандар: {none}.</translation>
    </message>
    <message>
        <source>Events: {none}.</source>
        <translation>Оқиғалар: {none}.</translation>
    </message>
    <message>
        <source>Stance: {none}.</source>
        <translation>Ұстаным: {none}.</translation>
    </message>
    <message>
        <source>{alpha} over {items} items</source>
        <translation>{alpha}, {items} бірлік бойынша</translation>
    </message>
    <message>
        <source>{targets}: {none}</source>
        <translation>{targets}: {none}</translation>
    </message>
    <message>
        <source>{title}: {none}</source>
        <translation>{title}: {none}</translation>
    </message>
    <message>
        <source>Compared: {line}.</source>
        <translation>Салыстырылды: {line}.</translation>
    </message>
    <message>
        <source>{a}/{b} {figure}</source>
        <translation>{a}/{b} {figure}</translation>
    </message>
    <message>
        <source>{a}/{b} trigger F1 {f1}</source>
        <translation>{a}/{b} триггер F1 {f1}</translation>
    </message>
    <message>
        <source>F1 {f1}</source>
        <translation>F1 {f1}</translation>
    </message>
    <message>
        <source>entity F1</source>
        <translation>нысан F1</translation>
    </message>
    <message>
        <source>trigger F1</source>
        <translation>триггер F1</translation>
    </message>
    <message>
        <source>stance kappa</source>
        <translation>ұстаным каппасы</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>нысандар</translation>
    </message>
    <message>
        <source>events</source>
        <translation>оқиғалар</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>ұстаным</translation>
    </message>
    <message>
        <source>{document} · {number} · {layer}: {detail}</source>
        <translation>{document} · {number} · {layer}: {detail}</translation>
    </message>
    <message>
        <source>✓ ready · {document} · {number} · {layer}: {detail}</source>
        <translation>✓ дайын · {document} · {number} · {layer}: {detail}</translation>
    </message>
    <message>
        <source>nothing to review: {problem}</source>
        <translation>рецензиялайтын ештеңе жоқ: {problem}</translation>
    </message>
    <message>
        <source>⚠ the sentence could not be read: {problem}</source>
        <translation>⚠ сөйлем оқылмады: {problem}</translation>
    </message>
    <message>
        <source>{name} has no entity under the cursor</source>
        <translation>курсор астында {name} қойған нысан жоқ</translation>
    </message>
    <message>
        <source>{name} has no event trigger under the cursor</source>
        <translation>курсор астында {name} қойған оқиға триггері жоқ</translation>
    </message>
    <message>
        <source>gold already has {name}&apos;s stance</source>
        <translation>эталонда {name} ұстанымы бұрыннан бар</translation>
    </message>
    <message>
        <source>gold already holds everything they agree on</source>
        <translation>олар келіскеннің бәрі эталонда бұрыннан бар</translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>барлық белгі</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}; the sentence shows what the project holds</source>
        <translation>сақталмады: {what}: {reason}; сөйлем жобада сақталғанды көрсетеді</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>болдырмау</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>қайталау</translation>
    </message>
    <message>
        <source>undo “{what}”</source>
        <translation>«{what}» болдырмау</translation>
    </message>
    <message>
        <source>redo “{what}”</source>
        <translation>«{what}» қайталау</translation>
    </message>
    <message>
        <source>could not {what}: {problem}; it is taken off the history</source>
        <translation>{what} орындалмады: {problem}; ол тарихтан алынды</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}; the project cannot be read either ({problem}), so the sentence may be out of date</source>
        <translation>сақталмады: {what}: {reason}; жоба да оқылмады ({problem}), сөйлем ескірген болуы мүмкін</translation>
    </message>
    <message>
        <source>backed up to {where}</source>
        <translation>сақтық көшірме жасалды: {where}</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>болдырмайтын ештеңе жоқ</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>қайталайтын ештеңе жоқ</translation>
    </message>
    <message>
        <source>the connection broke while saving “{what}”, but the project holds it: saved</source>
        <translation>«{what}» сақталып жатқанда байланыс үзілді, бірақ жобада бар: сақталды</translation>
    </message>
    <message>
        <source>backup failed: {problem}</source>
        <translation>сақтық көшірме жасалмады: {problem}</translation>
    </message>
    <message>
        <source>{name} cannot change {owner}&apos;s annotations: everyone edits only their own layer</source>
        <translation>{name} басқа адамның ({owner}) аннотацияларын өзгерте алмайды: әркім тек өз қабатын өңдейді</translation>
    </message>
    <message>
        <source>the change names nobody: open the project as an annotator or reviewer to edit it</source>
        <translation>өзгерісте ешкім көрсетілмеген: өңдеу үшін жобаны аннотатор не рецензент ретінде ашыңыз</translation>
    </message>
    <message>
        <source>the annotator of this change is not in the project</source>
        <translation>бұл өзгерістің аннотаторы жобада жоқ</translation>
    </message>
    <message>
        <source>nobody edits as the gold layer itself: reviewers write gold under their own names</source>
        <translation>эталон қабатының атынан ешкім өңдемейді: рецензенттер эталонды өз аттарымен жазады</translation>
    </message>
    <message>
        <source>only reviewers write the gold layer, and {name} is an annotator</source>
        <translation>эталон қабатын тек рецензенттер жазады, ал {name} — аннотатор</translation>
    </message>
    <message>
        <source>there is no sentence {number}</source>
        <translation>{number} сөйлемі жоқ</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: {names} annotated it too (a person alone on a document may correct it)</source>
        <translation>бұл құжатты тек рецензент түзете алады: оны басқалар да аннотациялады: {names} (құжатпен жалғыз жұмыс істейтін адам оны түзете алады)</translation>
    </message>
    <message>
        <source>the correction names nobody: open the project as an annotator or reviewer</source>
        <translation>түзетуде ешкім көрсетілмеген: жобаны аннотатор не рецензент ретінде ашыңыз</translation>
    </message>
    <message>
        <source>the person correcting is not in the project</source>
        <translation>түзетуші адам жобада жоқ</translation>
    </message>
    <message>
        <source>nobody corrects as the gold layer itself: reviewers correct under their own names</source>
        <translation>эталон қабатының атынан ешкім түзетпейді: рецензенттер өз аттарымен түзетеді</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: {names} and others annotated it too (a person alone on a document may correct it)</source>
        <translation>бұл құжатты тек рецензент түзете алады: оны басқалар да аннотациялады: {names} және т.б. (құжатпен жалғыз жұмыс істейтін адам оны түзете алады)</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: others annotated it too (a person alone on a document may correct it)</source>
        <translation>бұл құжатты тек рецензент түзете алады: оны басқалар да аннотациялады (құжатпен жалғыз жұмыс істейтін адам оны түзете алады)</translation>
    </message>
    <message>
        <source>the database&apos;s row-level security does not let you rewrite these sentences: correcting a document needs a login that may change its sentences and everyone&apos;s rows in it</source>
        <translation>дерекқордың жол деңгейіндегі қауіпсіздігі бұл сөйлемдерді қайта жазуға рұқсат бермейді: құжатты түзету үшін оның сөйлемдерін және ондағы барлық адамның жолдарын өзгерте алатын логин керек</translation>
    </message>
    <message>
        <source>there is no sentence {number}: it was corrected or removed meanwhile</source>
        <translation>{number} сөйлемі жоқ: ол осы арада түзетілді не жойылды</translation>
    </message>
    <message>
        <source>the sentences were corrected or removed meanwhile: read the document again</source>
        <translation>сөйлемдер осы арада түзетілді не жойылды: құжатты қайта оқыңыз</translation>
    </message>
    <message>
        <source>the event or the entity no longer exists</source>
        <translation>оқиға не нысан енді жоқ</translation>
    </message>
    <message>
        <source>an argument must be an entity of the same sentence and annotator as its event</source>
        <translation>аргумент оқиғасымен бір сөйлемдегі, бір аннотатордың нысаны болуы керек</translation>
    </message>
    <message>
        <source>the same {label} entity is already there</source>
        <translation>дәл осындай {label} нысаны бұрыннан бар</translation>
    </message>
    <message>
        <source>the same {event_type} event is already there</source>
        <translation>дәл осындай {event_type} оқиғасы бұрыннан бар</translation>
    </message>
    <message>
        <source>a stance holder must be an entity of the same sentence and annotator</source>
        <translation>ұстаным иесі сол сөйлемдегі, сол аннотатордың нысаны болуы керек</translation>
    </message>
    <message>
        <source>a stance holder must be an entity of the same document and annotator</source>
        <translation>ұстаным иесі сол құжаттағы, сол аннотатордың нысаны болуы керек</translation>
    </message>
    <message>
        <source>only a manager may fix the text of a shared document (its sentences are everyone&apos;s)</source>
        <translation>ортақ құжаттың мәтінін тек менеджер түзете алады (оның сөйлемдері бәріне ортақ)</translation>
    </message>
    <message>
        <source>the sentence is no longer in the project</source>
        <translation>сөйлем енді жобада жоқ</translation>
    </message>
    <message>
        <source>the sentence no longer reads {old} there</source>
        <translation>сөйлемде ол жерде енді {old} жазылмаған</translation>
    </message>
</context>
<context>
    <name>MixedScript</name>
    <message>
        <source>mixed Latin and Cyrillic letters: {word} → {fixed}</source>
        <translation>латын және кирилл әріптері аралас: {word} → {fixed}</translation>
    </message>
    <message>
        <source>mixed Latin and Cyrillic letters: {word} (a letter with no look-alike: not fixable)</source>
        <translation>латын және кирилл әріптері аралас: {word} (бір әріптің ұқсасы жоқ: түзетілмейді)</translation>
    </message>
    <message>
        <source>the token under the cursor does not mix Latin and Cyrillic letters</source>
        <translation>курсордағы токенде латын мен кирилл әріптері араласпаған</translation>
    </message>
    <message>
        <source>{word} cannot be fixed: a letter has no look-alike in the other script</source>
        <translation>{word} түзетілмейді: бір әріптің екінші жазуда ұқсасы жоқ</translation>
    </message>
    <message>
        <source>Fix &amp;mixed Latin/Cyrillic letters of the token</source>
        <translation>Токендегі аралас латын/кирилл әріптерін &amp;түзету</translation>
    </message>
    <message>
        <source>Fix mixed Latin/Cyrillic letters when importing</source>
        <translation>Импорттағанда аралас латын/кирилл әріптерін түзету</translation>
    </message>
    <message>
        <source>Import: mixed Latin and Cyrillic letters</source>
        <translation>Импорт: аралас латын және кирилл әріптері</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Латын</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>Кирилл</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>trigger</source>
        <translation>триггер</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>аргумент</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>атрибут</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>ұстаным</translation>
    </message>
    <message>
        <source>document stance</source>
        <translation>құжат ұстанымы</translation>
    </message>
    <message>
        <source>holder</source>
        <translation>иесі</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>өткізу</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>жалауша</translation>
    </message>
    <message>
        <source>choose label</source>
        <translation>белгі</translation>
    </message>
    <message>
        <source>article</source>
        <translation>мақала</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>F1 all keys</source>
        <translation>F1 пернелер</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токендер</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Триггер</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Атрибуттар</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументтер</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Сөйлем</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Иесі</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <source>Doc holder</source>
        <translation>Құжат иесі</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Нысандар</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Ұстаным</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>stance toward {target}: {label} {score}</source>
        <translation>{target} объектіне ұстаным: {label} {score}</translation>
    </message>
    <message>
        <source>filter documents</source>
        <translation>құжаттарды сүзу</translation>
    </message>
    <message>
        <source>goes through them</source>
        <translation>аралайды</translation>
    </message>
    <message>
        <source>accepts</source>
        <translation>қабылдайды</translation>
    </message>
    <message>
        <source>rejects</source>
        <translation>қабылдамайды</translation>
    </message>
    <message>
        <source>takes all</source>
        <translation>бәрін алады</translation>
    </message>
    <message>
        <source>1 suggestion ({keys})</source>
        <translation>1 ұсыныс ({keys})</translation>
    </message>
    <message>
        <source>{n} suggestions ({keys})</source>
        <translation>{n} ұсыныс ({keys})</translation>
    </message>
    <message>
        <source>{document} · sentence {number} of {count} · {status}</source>
        <translation>{document} · сөйлем {number}/{count} · {status}</translation>
    </message>
    <message>
        <source>comment: {comment}</source>
        <translation>түсініктеме: {comment}</translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>entity tagger</source>
        <translation>нысан теггері</translation>
    </message>
    <message>
        <source>trigger tagger</source>
        <translation>триггер теггері</translation>
    </message>
    <message>
        <source>string matcher</source>
        <translation>жол сәйкестендіргіш</translation>
    </message>
    <message>
        <source>{kind} classifier</source>
        <translation>{kind} жіктеуіші</translation>
    </message>
    <message>
        <source> (shared)</source>
        <translation> (ортақ)</translation>
    </message>
    <message>
        <source> (yours)</source>
        <translation> (сіздікі)</translation>
    </message>
    <message>
        <source>{name}: learned from {n} sentences · {when}</source>
        <translation>{name}: {n} сөйлемнен үйренді · {when}</translation>
    </message>
    <message>
        <source>{name}: F1 {f1} (P {p}, R {r}) on {held} held-out of {n} sentences · {when}</source>
        <translation>{name}: F1 {f1} (P {p}, R {r}), {n} сөйлемнің {held} тексеру сөйлемінде · {when}</translation>
    </message>
    <message>
        <source>no recommender trained yet: Ctrl+T trains on the done sentences</source>
        <translation>ұсыныс жүйесі әлі оқытылмаған: Ctrl+T дайын сөйлемдерде оқытады</translation>
    </message>
    <message>
        <source>label</source>
        <translation>белгі</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>аралықтар</translation>
    </message>
    <message>
        <source>tokens by gold label (rows) and suggested label (columns), held-out</source>
        <translation>токендер эталон белгісі (жолдар) және ұсынылған белгі (бағандар) бойынша, тексеру жиынында</translation>
    </message>
    <message>
        <source>Entity tagger per label (held-out):</source>
        <translation>Нысан теггері белгі бойынша (тексеру жиыны):</translation>
    </message>
    <message>
        <source>Confusion (gold rows × suggested columns, tokens):</source>
        <translation>Шатасу (эталон жолдар × ұсыныс бағандар, токендер):</translation>
    </message>
    <message>
        <source>Learn from the done sentences of:</source>
        <translation>Мына қабаттардың дайын сөйлемдерінен үйрену:</translation>
    </message>
    <message>
        <source>training in the background…</source>
        <translation>фонда оқытылуда…</translation>
    </message>
    <message>
        <source> (one more run queued)</source>
        <translation> (тағы бір оқыту кезекте)</translation>
    </message>
    <message>
        <source>idle: the recommenders retrain as sentences are marked done (Ctrl+T: now)</source>
        <translation>бос: сөйлемдер дайын болған сайын ұсыныс жүйелері қайта оқытылады (Ctrl+T: қазір)</translation>
    </message>
    <message>
        <source>suggestions shown from score {score} ( [ and ] change it )</source>
        <translation>ұсыныстар {score} бағасынан бастап көрсетіледі ( [ және ] өзгертеді )</translation>
    </message>
    <message>
        <source>no model stored in this project yet</source>
        <translation>бұл жобада әзірге модель сақталмаған</translation>
    </message>
    <message>
        <source>you have not accepted or rejected a suggestion yet</source>
        <translation>сіз әлі бірде-бір ұсынысты қабылдаған не қабылдамаған жоқсыз</translation>
    </message>
    <message>
        <source>you accepted {n} of {total} suggestions ({share} %)</source>
        <translation>сіз {total} ұсыныстың {n} қабылдадыңыз ({share} %)</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>{project} — review by {name} — annotator</source>
        <translation>{project} — рецензент: {name} — annotator</translation>
    </message>
    <message>
        <source>computing agreement…</source>
        <translation>келісім есептелуде…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Confusion of spans on the same tokens (rows: first annotator, columns: second)</source>
        <translation>Бір токендердегі аралықтардың шатасуы (жолдар: бірінші аннотатор, бағандар: екінші)</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>Белгі бойынша</translation>
    </message>
    <message>
        <source>Pairs and confusion</source>
        <translation>Жұптар мен шатасу</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Келіспеушіліктер</translation>
    </message>
    <message>
        <source>gold (what you accept)</source>
        <translation>эталон (сіз қабылдағаны)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Рецензия</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>Келісім есептелуде…</translation>
    </message>
    <message>
        <source>{document} · sentence {number} of {count}</source>
        <translation>{document} · сөйлем {number}/{count}</translation>
    </message>
    <message>
        <source>Disagreements of which label?</source>
        <translation>Қай белгінің келіспеушіліктері?</translation>
    </message>
    <message>
        <source>gold: {what}</source>
        <translation>эталон: {what}</translation>
    </message>
    <message>
        <source>{project} — gold, edited by {name} — annotator</source>
        <translation>{project} — эталон, өңдеуші: {name} — annotator</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>{message}

Details are in {log}.</source>
        <translation>{message}

Толығырақ: {log}.</translation>
    </message>
    <message>
        <source>all saved</source>
        <translation>бәрі сақталды</translation>
    </message>
    <message>
        <source>saved: the project takes edits again</source>
        <translation>сақталды: жоба қайтадан түзетулерді қабылдайды</translation>
    </message>
    <message>
        <source>saved {time}</source>
        <translation>сақталды {time}</translation>
    </message>
    <message>
        <source>every edit shown is stored in the project</source>
        <translation>көрсетілген әр түзету жобада сақталған</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>сақталмады</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}</source>
        <translation>сақталмады: {what}: {reason}</translation>
    </message>
    <message>
        <source>{message}.

Details are in {log}.</source>
        <translation>{message}.

Толығырақ: {log}.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>something went wrong: {summary} (details in {log})</source>
        <translation>бірдеңе дұрыс болмады: {summary} (толығырақ: {log})</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Бірдеңе дұрыс болмады</translation>
    </message>
    <message>
        <source>waiting for the project: another program has been writing to it for {n} s …</source>
        <translation>жобаны күтуде: басқа бағдарлама оған {n} с бойы жазып жатыр …</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>annotator: {name}</source>
        <translation>аннотатор: {name}</translation>
    </message>
    <message>
        <source>sentence {number} of {count}</source>
        <translation>сөйлем {number}/{count}</translation>
    </message>
    <message>
        <source>document {done}/{total} done · corpus {corpus_done}/{corpus_total} done</source>
        <translation>құжат {done}/{total} дайын · корпус {corpus_done}/{corpus_total} дайын</translation>
    </message>
    <message>
        <source>team: the project cannot be read just now</source>
        <translation>топ: жоба қазір оқылмайды</translation>
    </message>
    <message>
        <source>{name} {done} done</source>
        <translation>{name} {done} дайын</translation>
    </message>
    <message>
        <source>team: {people}</source>
        <translation>топ: {people}</translation>
    </message>
    <message>
        <source> (just now)</source>
        <translation> (жаңа ғана)</translation>
    </message>
    <message>
        <source> ({n} min ago)</source>
        <translation> ({n} мин бұрын)</translation>
    </message>
    <message>
        <source> ({n} h ago)</source>
        <translation> ({n} сағ бұрын)</translation>
    </message>
    <message>
        <source> ({n} d ago)</source>
        <translation> ({n} күн бұрын)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>All supported</source>
        <translation>Барлық қолдау көрсетілетіндер</translation>
    </message>
    <message>
        <source>All (*)</source>
        <translation>Барлығы (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импортталуда…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>{n} sentence</source>
        <translation>{n} сөйлем</translation>
    </message>
    <message>
        <source>{n} sentences</source>
        <translation>{n} сөйлем</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} құжат</translation>
    </message>
    <message>
        <source>wrote {sentences} of {documents} ({layer}) to {destination}</source>
        <translation>{documents} ішінен {sentences} жазылды ({layer}): {destination}</translation>
    </message>
    <message>
        <source>, event triggers to {path}</source>
        <translation>, оқиға триггерлері: {path}</translation>
    </message>
</context>
<context>
    <name>Upkeep</name>
    <message>
        <source>the search index holds every sentence now</source>
        <translation>іздеу индексінде енді барлық сөйлем бар</translation>
    </message>
    <message>
        <source>the search index could not be filled: {problem}</source>
        <translation>іздеу индексі толтырылмады: {problem}</translation>
    </message>
    <message>
        <source>The project file is damaged</source>
        <translation>Жоба файлы бүлінген</translation>
    </message>
    <message>
        <source>the project file could not be checked: {problem}</source>
        <translation>жоба файлын тексеру мүмкін болмады: {problem}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>todo</source>
        <translation>орындалмаған</translation>
    </message>
    <message>
        <source>done</source>
        <translation>дайын</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>өткізілді</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>жалаушалы</translation>
    </message>
    <message>
        <source>favor</source>
        <translation>қолдайды</translation>
    </message>
    <message>
        <source>against</source>
        <translation>қарсы</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>бейтарап</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>the document list could not be read: {problem}</source>
        <translation>құжаттар тізімі оқылмады: {problem}</translation>
    </message>
    <message>
        <source>no more sentences in that direction</source>
        <translation>бұл бағытта басқа сөйлем жоқ</translation>
    </message>
    <message>
        <source>every sentence is done</source>
        <translation>барлық сөйлем дайын</translation>
    </message>
    <message>
        <source>position not saved: {problem}</source>
        <translation>орын сақталмады: {problem}</translation>
    </message>
    <message>
        <source>the sentence could not be read again: {problem}</source>
        <translation>сөйлем қайта оқылмады: {problem}</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>жаңартылды</translation>
    </message>
    <message>
        <source>search failed: {problem}</source>
        <translation>іздеу сәтсіз: {problem}</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>тоқтатылды; ештеңе өзгерген жоқ</translation>
    </message>
    <message>
        <source>{problem} (details in {log})</source>
        <translation>{problem} (толығырақ: {log})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>keymap</name>
    <message>
        <source>move the token cursor left</source>
        <translation>токен курсорын солға жылжыту</translation>
    </message>
    <message>
        <source>move the token cursor right</source>
        <translation>токен курсорын оңға жылжыту</translation>
    </message>
    <message>
        <source>extend the selection to the left</source>
        <translation>белгіленген аралықты солға кеңейту</translation>
    </message>
    <message>
        <source>extend the selection to the right</source>
        <translation>белгіленген аралықты оңға кеңейту</translation>
    </message>
    <message>
        <source>cursor to the first token (Shift+Home extends)</source>
        <translation>курсор бірінші токенге (Shift+Home кеңейтеді)</translation>
    </message>
    <message>
        <source>cursor to the last token (Shift+End extends)</source>
        <translation>курсор соңғы токенге (Shift+End кеңейтеді)</translation>
    </message>
    <message>
        <source>drop the selection</source>
        <translation>белгілеуді алып тастау</translation>
    </message>
    <message>
        <source>tag the selection with the first ten labels; on an entity, change its label</source>
        <translation>белгіленген аралыққа алғашқы он белгінің бірін қою; нысанда оның белгісін өзгерту</translation>
    </message>
    <message>
        <source>the labels after the tenth (see the palette)</source>
        <translation>оныншыдан кейінгі белгілер (палитраны қараңыз)</translation>
    </message>
    <message>
        <source>choose any label by typing part of its name</source>
        <translation>атауының бір бөлігін теріп, кез келген белгіні таңдау</translation>
    </message>
    <message>
        <source>remove the annotation under the cursor</source>
        <translation>курсор астындағы аннотацияны өшіру</translation>
    </message>
    <message>
        <source>mark the sentence done and go to the next one</source>
        <translation>сөйлемді дайын деп белгілеп, келесісіне өту</translation>
    </message>
    <message>
        <source>next sentence (status unchanged)</source>
        <translation>келесі сөйлем (күйі өзгермейді)</translation>
    </message>
    <message>
        <source>previous sentence (status unchanged)</source>
        <translation>алдыңғы сөйлем (күйі өзгермейді)</translation>
    </message>
    <message>
        <source>next sentence not yet done</source>
        <translation>әлі дайын емес келесі сөйлем</translation>
    </message>
    <message>
        <source>make the selection an event trigger, then choose its type</source>
        <translation>белгіленген аралықты оқиға триггері етіп, түрін таңдау</translation>
    </message>
    <message>
        <source>add an argument: an entity of the sentence and a role of the event</source>
        <translation>аргумент қосу: сөйлемнің нысаны және оқиғаның рөлі</translation>
    </message>
    <message>
        <source>set an attribute of the event under the cursor (polarity, modality, tense)</source>
        <translation>курсор астындағы оқиғаның атрибутын қою (полярлық, модальдық, шақ)</translation>
    </message>
    <message>
        <source>set the sentence&apos;s stance toward a target</source>
        <translation>сөйлемнің объектіге ұстанымын қою</translation>
    </message>
    <message>
        <source>set the document&apos;s stance toward a target</source>
        <translation>құжаттың объектіге ұстанымын қою</translation>
    </message>
    <message>
        <source>set the holder of a stance (an entity)</source>
        <translation>ұстаным иесін қою (нысан)</translation>
    </message>
    <message>
        <source>mark the sentence skipped and go on</source>
        <translation>сөйлемді өткізілді деп белгілеп, әрі қарай өту</translation>
    </message>
    <message>
        <source>flag the sentence with a comment</source>
        <translation>сөйлемге түсініктемемен жалауша қою</translation>
    </message>
    <message>
        <source>show or hide the whole article</source>
        <translation>бүкіл мақаланы көрсету не жасыру</translation>
    </message>
    <message>
        <source>next suggestion (dashed: not yet an annotation)</source>
        <translation>келесі ұсыныс (үзік сызықпен: әлі аннотация емес)</translation>
    </message>
    <message>
        <source>previous suggestion</source>
        <translation>алдыңғы ұсыныс</translation>
    </message>
    <message>
        <source>accept the suggestion under the cursor</source>
        <translation>курсор астындағы ұсынысты қабылдау</translation>
    </message>
    <message>
        <source>reject the suggestion under the cursor: it does not come back</source>
        <translation>курсор астындағы ұсынысты қабылдамау: ол қайта шықпайды</translation>
    </message>
    <message>
        <source>accept every suggestion shown in the sentence</source>
        <translation>сөйлемдегі барлық көрсетілген ұсынысты қабылдау</translation>
    </message>
    <message>
        <source>show only surer suggestions (raise the score threshold)</source>
        <translation>тек сенімдірек ұсыныстарды көрсету (баға шегін көтеру)</translation>
    </message>
    <message>
        <source>show less sure suggestions too (lower the score threshold)</source>
        <translation>сенімсіздеу ұсыныстарды да көрсету (баға шегін түсіру)</translation>
    </message>
    <message>
        <source>label every unlabelled occurrence of the entity under the cursor in the document</source>
        <translation>курсор астындағы нысанның құжаттағы белгіленбеген әр кездесуін белгілеу</translation>
    </message>
    <message>
        <source>the same in the whole corpus</source>
        <translation>бүкіл корпуста да солай</translation>
    </message>
    <message>
        <source>go to the not-done sentence the tagger is least sure of</source>
        <translation>теггер ең аз сенетін дайын емес сөйлемге өту</translation>
    </message>
    <message>
        <source>train the recommenders now (they retrain as sentences are marked done)</source>
        <translation>ұсыныс жүйелерін қазір оқыту (сөйлемдер дайын болған сайын өздері қайта оқытылады)</translation>
    </message>
    <message>
        <source>show or hide the recommender panel: quality, training, acceptance</source>
        <translation>ұсыныс панелін көрсету не жасыру: сапа, оқыту, қабылдау</translation>
    </message>
    <message>
        <source>fix the token&apos;s mixed Latin/Cyrillic letters (red wavy line)</source>
        <translation>токендегі аралас латын/кирилл әріптерін түзету (қызыл толқынды сызық)</translation>
    </message>
    <message>
        <source>split the token under the cursor: Left/Right choose where, Return splits</source>
        <translation>курсордағы токенді бөлу: Солға/Оңға орнын таңдайды, Return бөледі</translation>
    </message>
    <message>
        <source>merge the token under the cursor with the next one</source>
        <translation>курсордағы токенді келесі токенмен біріктіру</translation>
    </message>
    <message>
        <source>split the sentence before the token under the cursor</source>
        <translation>сөйлемді курсордағы токеннің алдынан бөлу</translation>
    </message>
    <message>
        <source>join the sentence with the next one of its document</source>
        <translation>сөйлемді құжаттағы келесі сөйлеммен қосу</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>болдырмау</translation>
    </message>
    <message>
        <source>redo (Ctrl+Y too)</source>
        <translation>қайталау (Ctrl+Y да)</translation>
    </message>
    <message>
        <source>search the corpus text and jump to a hit</source>
        <translation>корпус мәтінінен іздеп, табылғанға өту</translation>
    </message>
    <message>
        <source>import files (or drop them on the window)</source>
        <translation>файлдарды импорттау (не терезеге сүйреп әкелу)</translation>
    </message>
    <message>
        <source>export a layer to CoNLL, JSONL, doccano, Label Studio or brat</source>
        <translation>қабатты CoNLL, JSONL, doccano, Label Studio не brat пішіміне экспорттау</translation>
    </message>
    <message>
        <source>refresh: teammates&apos; progress, the document list and the sentence (also every 30 s)</source>
        <translation>жаңарту: әріптестердің барысы, құжаттар тізімі және сөйлем (әр 30 с сайын да)</translation>
    </message>
    <message>
        <source>this keymap</source>
        <translation>осы пернелер кестесі</translation>
    </message>
    <message>
        <source>quit (everything is already saved)</source>
        <translation>шығу (бәрі сақталып қойған)</translation>
    </message>
    <message>
        <source>previous disagreement</source>
        <translation>алдыңғы келіспеушілік</translation>
    </message>
    <message>
        <source>next disagreement</source>
        <translation>келесі келіспеушілік</translation>
    </message>
    <message>
        <source>move the token cursor left in every version</source>
        <translation>барлық нұсқада токен курсорын солға жылжыту</translation>
    </message>
    <message>
        <source>move the token cursor right in every version</source>
        <translation>барлық нұсқада токен курсорын оңға жылжыту</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s entity under the cursor into gold</source>
        <translation>1-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s entity under the cursor into gold</source>
        <translation>2-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s entity under the cursor into gold</source>
        <translation>3-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s entity under the cursor into gold</source>
        <translation>4-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s entity under the cursor into gold</source>
        <translation>5-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s entity under the cursor into gold</source>
        <translation>6-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s entity under the cursor into gold</source>
        <translation>7-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s entity under the cursor into gold</source>
        <translation>8-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s entity under the cursor into gold</source>
        <translation>9-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>1-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>2-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>3-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>4-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>5-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>6-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>7-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>8-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>9-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s stance of the sentence</source>
        <translation>1-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s stance of the sentence</source>
        <translation>2-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s stance of the sentence</source>
        <translation>3-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s stance of the sentence</source>
        <translation>4-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s stance of the sentence</source>
        <translation>5-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s stance of the sentence</source>
        <translation>6-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s stance of the sentence</source>
        <translation>7-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s stance of the sentence</source>
        <translation>8-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s stance of the sentence</source>
        <translation>9-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>accept everything all annotators agree on in this sentence</source>
        <translation>осы сөйлемде барлық аннотатор келіскеннің бәрін қабылдау</translation>
    </message>
    <message>
        <source>remove the gold entity under the cursor</source>
        <translation>курсор астындағы эталон нысанын өшіру</translation>
    </message>
    <message>
        <source>edit gold directly in the annotation window, on this sentence</source>
        <translation>эталонды аннотация терезесінде, осы сөйлемде тікелей өңдеу</translation>
    </message>
    <message>
        <source>choose a label (lowest F1 first) and list only its disagreements</source>
        <translation>белгі таңдау (ең төмен F1 бірінші) және тек соның келіспеушіліктерін көрсету</translation>
    </message>
    <message>
        <source>show or hide the team dashboard: done, speed and agreement per person, documents ready for curation</source>
        <translation>топ тақтасын көрсету не жасыру: әр адамның дайыны, жылдамдығы мен келісімі, тексеріске дайын құжаттар</translation>
    </message>
    <message>
        <source>previous / next disagreement</source>
        <translation>алдыңғы / келесі келіспеушілік</translation>
    </message>
    <message>
        <source>move the token cursor in every version</source>
        <translation>барлық нұсқада токен курсорын жылжыту</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s entity under the cursor into gold</source>
        <translation>n-аннотатордың курсор астындағы нысанын эталонға қабылдау</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>n-аннотатордың курсор астындағы оқиғасын қабылдау (атрибуттары мен аргументтерімен)</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s stance of the sentence</source>
        <translation>n-аннотатордың сөйлем ұстанымын қабылдау</translation>
    </message>
    <message>
        <source>undo / redo a gold edit</source>
        <translation>эталон түзетуін болдырмау / қайталау</translation>
    </message>
</context>
</TS>
