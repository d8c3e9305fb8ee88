<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Annotator</source>
        <translation>Аннотатор</translation>
    </message>
    <message>
        <source>Your name (a new name makes a new annotator):</source>
        <translation>Ваше имя (новое имя создаёт нового аннотатора):</translation>
    </message>
    <message>
        <source>The gold layer is edited by reviewers, from review mode.</source>
        <translation>Эталонный слой правят рецензенты, из режима рецензирования.</translation>
    </message>
</context>
<context>
    <name>Assisting</name>
    <message>
        <source>{accept} accepts, {reject} rejects</source>
        <translation>{accept} принять, {reject} отклонить</translation>
    </message>
    <message>
        <source>Label every “{text}” as {label}</source>
        <translation>Пометить все «{text}» как {label}</translation>
    </message>
    <message>
        <source>{n} unlabelled occurrences in the document:</source>
        <translation>Непомеченных вхождений в документе: {n}</translation>
    </message>
    <message>
        <source>{n} unlabelled occurrences in the corpus:</source>
        <translation>Непомеченных вхождений в корпусе: {n}</translation>
    </message>
    <message>
        <source>Label the checked ones</source>
        <translation>Пометить отмеченные</translation>
    </message>
    <message>
        <source>suggestion {n} of {count}: {what} ({keys})</source>
        <translation>подсказка {n} из {count}: {what} ({keys})</translation>
    </message>
    <message>
        <source>no suggestions: no recommender is loaded</source>
        <translation>подсказок нет: система подсказок не загружена</translation>
    </message>
    <message>
        <source>no suggestions in this sentence yet (training in the background)</source>
        <translation>в этом предложении пока нет подсказок (идёт обучение в фоне)</translation>
    </message>
    <message>
        <source>no suggestions in this sentence at or above {score} ([ lowers the threshold)</source>
        <translation>в этом предложении нет подсказок с оценкой от {score} ([ понижает порог)</translation>
    </message>
    <message>
        <source>no suggestion under the cursor (Tab goes to the next one)</source>
        <translation>под курсором нет подсказки (Tab — к следующей)</translation>
    </message>
    <message>
        <source>accepted {what}</source>
        <translation>принято: {what}</translation>
    </message>
    <message>
        <source>rejected {what}</source>
        <translation>отклонено: {what}</translation>
    </message>
    <message>
        <source>{what} of the sentence (one undo takes them back)</source>
        <translation>{what} предложения (одна отмена возвращает всё)</translation>
    </message>
    <message>
        <source>{done} · no more suggestions in this sentence</source>
        <translation>{done} · в этом предложении подсказок больше нет</translation>
    </message>
    <message>
        <source>suggestions scoring {score} or more are shown ({n} here)</source>
        <translation>показаны подсказки с оценкой от {score} (здесь {n})</translation>
    </message>
    <message>
        <source>put the cursor on a labelled entity first: its string is what is looked for</source>
        <translation>сначала поставьте курсор на помеченную сущность: искать будут её текст</translation>
    </message>
    <message>
        <source>no other unlabelled “{text}” in the document</source>
        <translation>в документе нет других непомеченных «{text}»</translation>
    </message>
    <message>
        <source>no other unlabelled “{text}” in the corpus</source>
        <translation>в корпусе нет других непомеченных «{text}»</translation>
    </message>
    <message>
        <source>labelled {n} × “{text}” as {label} (one undo takes them back)</source>
        <translation>помечено {n} × «{text}» как {label} (одна отмена возвращает всё)</translation>
    </message>
    <message>
        <source>no entity tagger is trained yet</source>
        <translation>теггер сущностей ещё не обучен</translation>
    </message>
    <message>
        <source>nothing is ranked yet</source>
        <translation>пока ничего не ранжировано</translation>
    </message>
    <message>
        <source>no uncertain sentence to go to: {why} (Ctrl+T trains)</source>
        <translation>нет неуверенного предложения для перехода: {why} (Ctrl+T обучает)</translation>
    </message>
    <message>
        <source>training: {problem}</source>
        <translation>обучение: {problem}</translation>
    </message>
    <message>
        <source>suggestions are off: {problem}</source>
        <translation>подсказки выключены: {problem}</translation>
    </message>
    <message>
        <source>the recommender panel could not be read: {problem}</source>
        <translation>не удалось прочитать панель подсказок: {problem}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>the recommenders will learn from: {layers} (Ctrl+T trains now)</source>
        <translation>системы подсказок будут учиться на: {layers} (Ctrl+T — обучить сейчас)</translation>
    </message>
</context>
<context>
    <name>Correcting</name>
    <message>
        <source>Split token</source>
        <translation>Разделить токен</translation>
    </message>
    <message>
        <source>Left/Right: where to split · Return: split · Esc: cancel</source>
        <translation>Влево/Вправо: место · Return: разделить · Esc: отмена</translation>
    </message>
    <message>
        <source>(move inside the token)</source>
        <translation>(переместите курсор внутрь токена)</translation>
    </message>
    <message>
        <source>no sentence to correct</source>
        <translation>нет предложения для исправления</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; has one character: nothing to split</source>
        <translation>&apos;{word}&apos; состоит из одного символа: делить нечего</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Person</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Done of assigned</source>
        <translation>Готово из назначенных</translation>
    </message>
    <message>
        <source>Per active hour</source>
        <translation>В активный час</translation>
    </message>
    <message>
        <source>Last edit</source>
        <translation>Последняя правка</translation>
    </message>
    <message>
        <source>Agreement (entity F1)</source>
        <translation>Согласованность (F1 сущностей)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>Исполнители</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>the dashboard is read when it is shown</source>
        <translation>панель читается, когда её показывают</translation>
    </message>
    <message>
        <source>the dashboard could not be read: {problem}</source>
        <translation>не удалось прочитать панель: {problem}</translation>
    </message>
    <message>
        <source> · agreement: computing…</source>
        <translation> · согласованность: вычисляется…</translation>
    </message>
    <message>
        <source>{summary} · agreement could not be computed: {problem}</source>
        <translation>{summary} · согласованность не вычислена: {problem}</translation>
    </message>
    <message>
        <source>Team dashboard</source>
        <translation>Панель команды</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>type to filter</source>
        <translation>введите для фильтра</translation>
    </message>
    <message>
        <source>Search the corpus</source>
        <translation>Поиск по корпусу</translation>
    </message>
    <message>
        <source>text to find (any case)</source>
        <translation>искомый текст (любой регистр)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>first {count} sentences shown; More (or Down on the last) shows more</source>
        <translation>показаны первые {count} предложений; «Ещё» (или Down на последнем) покажет следующие</translation>
    </message>
    <message>
        <source>{count} sentence(s); Enter jumps to the selected one</source>
        <translation>предложений: {count}; Enter — перейти к выбранному</translation>
    </message>
    <message>
        <source>Keys are named as printed on a US keyboard and work by their place on any layout: with the Kazakh or Russian layout, 2 is the key that types ә or 2, T the key that types е.</source>
        <translation>Клавиши названы как на американской клавиатуре и работают по своему месту в любой раскладке: в казахской или русской раскладке 2 — клавиша, печатающая ә или 2, T — клавиша, печатающая е.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Клавиатура</translation>
    </message>
    <message>
        <source>label {name}: {guideline}</source>
        <translation>метка {name}: {guideline}</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Что делают</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Tag scheme (CoNLL)</source>
        <translation>Схема тегов (CoNLL)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Папка экспорта</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Файл экспорта</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>nothing to delete under the cursor</source>
        <translation>под курсором нечего удалять</translation>
    </message>
    <message>
        <source>Event type for “{text}”</source>
        <translation>Тип события для «{text}»</translation>
    </message>
    <message>
        <source>the sentence has no event yet: select its trigger and press T</source>
        <translation>в предложении ещё нет события: выделите триггер и нажмите T</translation>
    </message>
    <message>
        <source>Which event?</source>
        <translation>Какое событие?</translation>
    </message>
    <message>
        <source>tag the argument as an entity first</source>
        <translation>сначала пометьте аргумент как сущность</translation>
    </message>
    <message>
        <source>Argument of {type}</source>
        <translation>Аргумент {type}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>   (now)</source>
        <translation>   (сейчас)</translation>
    </message>
    <message>
        <source>Attribute of {type}</source>
        <translation>Атрибут {type}</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>очистить</translation>
    </message>
    <message>
        <source>Stance of this sentence</source>
        <translation>Позиция этого предложения</translation>
    </message>
    <message>
        <source>Stance of document {name}</source>
        <translation>Позиция документа {name}</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>предложение</translation>
    </message>
    <message>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>set a stance first (S for the sentence, D for the document)</source>
        <translation>сначала задайте позицию (S — для предложения, D — для документа)</translation>
    </message>
    <message>
        <source>Holder of which stance?</source>
        <translation>Носитель какой позиции?</translation>
    </message>
    <message>
        <source>no holder</source>
        <translation>без носителя</translation>
    </message>
    <message>
        <source>Holder (an entity of this sentence)</source>
        <translation>Носитель (сущность этого предложения)</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Пометка</translation>
    </message>
    <message>
        <source>Comment for the reviewer:</source>
        <translation>Комментарий для рецензента:</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>The interface is in {language}.</source>
        <translation>Язык интерфейса: {language}.</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start.</source>
        <translation>Со следующего запуска язык интерфейса: {language}.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Повторить: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>&amp;Удалить аннотацию</translation>
    </message>
    <message>
        <source>Choose &amp;label…</source>
        <translation>Выбрать &amp;метку…</translation>
    </message>
    <message>
        <source>C&amp;orrect tokens and sentences</source>
        <translation>&amp;Исправить токены и предложения</translation>
    </message>
    <message>
        <source>&amp;Split token…</source>
        <translation>&amp;Разделить токен…</translation>
    </message>
    <message>
        <source>&amp;Merge token with next</source>
        <translation>&amp;Слить токен со следующим</translation>
    </message>
    <message>
        <source>Split se&amp;ntence here</source>
        <translation>Разделить &amp;предложение здесь</translation>
    </message>
    <message>
        <source>&amp;Join sentence with next</source>
        <translation>&amp;Объединить предложение со следующим</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Разметка</translation>
    </message>
    <message>
        <source>Event &amp;trigger…</source>
        <translation>&amp;Триггер события…</translation>
    </message>
    <message>
        <source>&amp;Argument…</source>
        <translation>&amp;Аргумент…</translation>
    </message>
    <message>
        <source>Event att&amp;ributes…</source>
        <translation>Атрибуты с&amp;обытия…</translation>
    </message>
    <message>
        <source>&amp;Stance of sentence…</source>
        <translation>&amp;Позиция предложения…</translation>
    </message>
    <message>
        <source>Stance of &amp;document…</source>
        <translation>Позиция &amp;документа…</translation>
    </message>
    <message>
        <source>Stance &amp;holder…</source>
        <translation>&amp;Носитель позиции…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>Mark &amp;done and next</source>
        <translation>Готово и &amp;далее</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>П&amp;ропустить</translation>
    </message>
    <message>
        <source>&amp;Flag with comment…</source>
        <translation>&amp;Пометить с комментарием…</translation>
    </message>
    <message>
        <source>&amp;Next sentence</source>
        <translation>&amp;Следующее предложение</translation>
    </message>
    <message>
        <source>&amp;Previous sentence</source>
        <translation>Пр&amp;едыдущее предложение</translation>
    </message>
    <message>
        <source>Next &amp;not done</source>
        <translation>Следующее &amp;неготовое</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>П&amp;оиск…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Whole &amp;article</source>
        <translation>&amp;Вся статья</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Recommender &amp;panel</source>
        <translation>&amp;Панель подсказок</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard…</source>
        <translation>&amp;Клавиатура…</translation>
    </message>
    <message>
        <source>S&amp;uggest</source>
        <translation>П&amp;одсказки</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>&amp;Следующая подсказка</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>&amp;Предыдущая подсказка</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>П&amp;ринять</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>Accept a&amp;ll in sentence</source>
        <translation>Принять &amp;всё в предложении</translation>
    </message>
    <message>
        <source>&amp;Surer only (raise threshold)</source>
        <translation>Только &amp;увереннее (поднять порог)</translation>
    </message>
    <message>
        <source>&amp;Less sure too (lower threshold)</source>
        <translation>&amp;Менее уверенные тоже (понизить порог)</translation>
    </message>
    <message>
        <source>Label all &amp;occurrences in document…</source>
        <translation>Пометить все вхождения в &amp;документе…</translation>
    </message>
    <message>
        <source>Label all occurrences in &amp;corpus…</source>
        <translation>Пометить все вхождения в &amp;корпусе…</translation>
    </message>
    <message>
        <source>Most &amp;useful sentence next</source>
        <translation>Далее — самое по&amp;лезное предложение</translation>
    </message>
    <message>
        <source>&amp;Train now</source>
        <translation>Обу&amp;чить сейчас</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{name}&apos;s entity &apos;{words}&apos; ({label})</source>
        <translation>сущность &apos;{words}&apos; ({label}) участника {name}</translation>
    </message>
    <message>
        <source>{name}&apos;s event &apos;{words}&apos; ({label})</source>
        <translation>событие &apos;{words}&apos; ({label}) участника {name}</translation>
    </message>
    <message>
        <source>cannot split &apos;{word}&apos; there: choose a place inside the token</source>
        <translation>нельзя разделить &apos;{word}&apos; здесь: выберите место внутри токена</translation>
    </message>
    <message>
        <source>cannot merge: the cursor is on the last token of the sentence</source>
        <translation>нельзя слить: курсор на последнем токене предложения</translation>
    </message>
    <message>
        <source>cannot merge &apos;{first}&apos; and &apos;{second}&apos;: white space is between them, and a token has none</source>
        <translation>нельзя слить &apos;{first}&apos; и &apos;{second}&apos;: между ними пробел, а в токене пробелов нет</translation>
    </message>
    <message>
        <source>cannot merge the tokens: {span} and &apos;{label}&apos; would overlap</source>
        <translation>нельзя слить токены: {span} и &apos;{label}&apos; перекрылись бы</translation>
    </message>
    <message>
        <source>{span} does not fit the new tokens</source>
        <translation>{span} не совпадает с границами новых токенов</translation>
    </message>
    <message>
        <source>cannot merge the tokens: {span} would be there twice</source>
        <translation>нельзя слить токены — получился бы дубликат: {span}</translation>
    </message>
    <message>
        <source>note: {n} word mixes Latin and Cyrillic letters</source>
        <translation>примечание: слов со смесью латиницы и кириллицы: {n}</translation>
    </message>
    <message>
        <source>{n} document already present</source>
        <translation>уже были документы: {n}</translation>
    </message>
    <message>
        <source>{n} annotator layer already present and left as it was</source>
        <translation>уже были слои аннотаторов (оставлены как есть): {n}</translation>
    </message>
    <message>
        <source>{n} annotator layers already present and left as it was</source>
        <translation>уже были слои аннотаторов (оставлены как есть): {n}</translation>
    </message>
    <message>
        <source>{n} assignment left out (only a reviewer or a manager assigns documents)</source>
        <translation>пропущено назначений: {n} (документы назначают только рецензент или менеджер)</translation>
    </message>
    <message>
        <source>{n} assignments left out (only a reviewer or a manager assigns documents)</source>
        <translation>пропущено назначений: {n} (документы назначают только рецензент или менеджер)</translation>
    </message>
    <message>
        <source>imported {what}</source>
        <translation>импортировано: {what}</translation>
    </message>
    <message>
        <source>note: {n} word mixes Latin and Cyrillic letters (first: {first})</source>
        <translation>примечание: слов со смесью латиницы и кириллицы: {n} (первое: {first})</translation>
    </message>
    <message>
        <source>note: {n} words mix Latin and Cyrillic letters</source>
        <translation>примечание: слов со смесью латиницы и кириллицы: {n}</translation>
    </message>
    <message>
        <source>{n} new document</source>
        <translation>новых документов: {n}</translation>
    </message>
    <message>
        <source>{n} new documents</source>
        <translation>новых документов: {n}</translation>
    </message>
    <message>
        <source>{n} sentence</source>
        <translation>предложений: {n}</translation>
    </message>
    <message>
        <source>{n} sentences</source>
        <translation>предложений: {n}</translation>
    </message>
    <message>
        <source>{n} token</source>
        <translation>токенов: {n}</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>токенов: {n}</translation>
    </message>
    <message>
        <source>{n} entity</source>
        <translation>сущностей: {n}</translation>
    </message>
    <message>
        <source>{n} entities</source>
        <translation>сущностей: {n}</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>событий: {n}</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>событий: {n}</translation>
    </message>
    <message>
        <source>{n} stance annotation</source>
        <translation>аннотаций позиции: {n}</translation>
    </message>
    <message>
        <source>{n} stance annotations</source>
        <translation>аннотаций позиции: {n}</translation>
    </message>
    <message>
        <source>note: {path} was read as plain text: it gave --annotator no labels</source>
        <translation>примечание: {path} прочитан как простой текст: меток для --annotator в нём нет</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>примечание: {note}</translation>
    </message>
    <message>
        <source>note: {path}: {n} {things} not imported ({why})</source>
        <translation>примечание: {path}: не импортировано {things}: {n} ({why})</translation>
    </message>
    <message>
        <source>fixed {n} mixed-script word</source>
        <translation>исправлено слов со смесью латиницы и кириллицы: {n}</translation>
    </message>
    <message>
        <source>note: {n} mixed-script word left as it was (a letter with no look-alike in the other script)</source>
        <translation>примечание: слов со смесью алфавитов оставлено как есть: {n} (у буквы нет двойника в другом алфавите)</translation>
    </message>
    <message>
        <source>note: {n} mixed-script words left as it was (a letter with no look-alike in the other script)</source>
        <translation>примечание: слов со смесью алфавитов оставлено как есть: {n} (у буквы нет двойника в другом алфавите)</translation>
    </message>
    <message>
        <source>note: {n} words mix Latin and Cyrillic letters (first: {first})</source>
        <translation>примечание: слов со смесью латиницы и кириллицы: {n} (первое: {first})</translation>
    </message>
    <message>
        <source>{n} documents already present</source>
        <translation>уже были документы: {n}</translation>
    </message>
    <message>
        <source>{n} assignment</source>
        <translation>назначений: {n}</translation>
    </message>
    <message>
        <source>{n} assignments</source>
        <translation>назначений: {n}</translation>
    </message>
    <message>
        <source>fixed {n} mixed-script words</source>
        <translation>исправлено слов со смесью латиницы и кириллицы: {n}</translation>
    </message>
    <message>
        <source>cannot split: put the cursor on the token the second sentence begins with</source>
        <translation>нельзя разделить: поставьте курсор на токен, с которого начнётся второе предложение</translation>
    </message>
    <message>
        <source>cannot merge: the document has text between the two sentences</source>
        <translation>нельзя слить: в документе между двумя предложениями есть текст</translation>
    </message>
    <message>
        <source>cannot split: {span} crosses the cut</source>
        <translation>нельзя разделить: {span} пересекает место разреза</translation>
    </message>
    <message>
        <source>cannot split: {span} has its {role} &apos;{words}&apos; on the other side of the cut</source>
        <translation>нельзя разделить: {span} — аргумент {role} &apos;{words}&apos; по другую сторону разреза</translation>
    </message>
    <message>
        <source>cannot merge: {name}&apos;s stance toward &apos;{target}&apos; is {label} in one sentence and {other} in the other</source>
        <translation>нельзя слить: позиция участника {name} к объекту &apos;{target}&apos; в одном предложении {label}, в другом {other}</translation>
    </message>
    <message>
        <source>entity label {label} is not in the project&apos;s schema</source>
        <translation>метки сущности {label} нет в схеме проекта</translation>
    </message>
    <message>
        <source>event type {event_type} is not in the project&apos;s schema</source>
        <translation>типа события {event_type} нет в схеме проекта</translation>
    </message>
    <message>
        <source>the schema does not record stance at {level} level</source>
        <translation>схема не записывает позицию на уровне {level}</translation>
    </message>
    <message>
        <source>stance target {target} is not in the project&apos;s schema</source>
        <translation>объекта позиции {target} нет в схеме проекта</translation>
    </message>
    <message>
        <source>stance label {label} is not one of {labels}</source>
        <translation>метка позиции {label} не из списка: {labels}</translation>
    </message>
    <message>
        <source>status {status} is not one of {statuses}</source>
        <translation>статус {status} не из списка: {statuses}</translation>
    </message>
    <message>
        <source>entities {label} (tokens {start}..{end}) and {other} (tokens {other_start}..{other_end}) overlap, which the schema forbids</source>
        <translation>сущности {label} (токены {start}..{end}) и {other} (токены {other_start}..{other_end}) перекрываются, а схема это запрещает</translation>
    </message>
    <message>
        <source>event attribute {name} is not in the project&apos;s schema</source>
        <translation>атрибута события {name} нет в схеме проекта</translation>
    </message>
    <message>
        <source>event attribute {name} cannot be {value} (one of {values})</source>
        <translation>атрибут события {name} не может быть {value} (допустимо: {values})</translation>
    </message>
    <message>
        <source>role {role} does not belong to event type {event_type} ({roles})</source>
        <translation>роль {role} не относится к типу события {event_type} ({roles})</translation>
    </message>
    <message>
        <source>accept {label} into gold</source>
        <translation>принять {label} в эталон</translation>
    </message>
    <message>
        <source>accept what everyone agrees on</source>
        <translation>принять то, в чём согласны все</translation>
    </message>
    <message>
        <source>accept {name}&apos;s stance into gold</source>
        <translation>принять в эталон позицию {name}</translation>
    </message>
    <message>
        <source>the sentence&apos;s tokens were corrected meanwhile: it is shown again as it is now; nothing changed</source>
        <translation>тем временем токены предложения исправили: оно показано заново, как есть сейчас; ничего не изменено</translation>
    </message>
    <message>
        <source>split token</source>
        <translation>разделить токен</translation>
    </message>
    <message>
        <source>merge tokens</source>
        <translation>слить токены</translation>
    </message>
    <message>
        <source>split sentence</source>
        <translation>разделить предложение</translation>
    </message>
    <message>
        <source>merge sentences</source>
        <translation>слить предложения</translation>
    </message>
    <message>
        <source>the sentences changed since the correction (an edit since, yours or another&apos;s)</source>
        <translation>предложения изменились после исправления (правка после него — ваша или чужая)</translation>
    </message>
    <message>
        <source>cannot merge: this is the last sentence of its document</source>
        <translation>нельзя слить: это последнее предложение документа</translation>
    </message>
    <message>
        <source>tag {label}</source>
        <translation>пометить как {label}</translation>
    </message>
    <message>
        <source>add event {event_type}</source>
        <translation>добавить событие {event_type}</translation>
    </message>
    <message>
        <source>add argument {role}</source>
        <translation>добавить аргумент {role}</translation>
    </message>
    <message>
        <source>delete entity</source>
        <translation>удалить сущность</translation>
    </message>
    <message>
        <source>delete event</source>
        <translation>удалить событие</translation>
    </message>
    <message>
        <source>delete argument</source>
        <translation>удалить аргумент</translation>
    </message>
    <message>
        <source>relabel as {label}</source>
        <translation>сменить метку на {label}</translation>
    </message>
    <message>
        <source>set {name} = {value}</source>
        <translation>задать {name} = {value}</translation>
    </message>
    <message>
        <source>mark {status}</source>
        <translation>статус: {status}</translation>
    </message>
    <message>
        <source>stance {target}: {label}</source>
        <translation>позиция {target}: {label}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>document stance {target}: {label}</source>
        <translation>позиция документа {target}: {label}</translation>
    </message>
    <message>
        <source>event {label}</source>
        <translation>событие {label}</translation>
    </message>
    <message>
        <source>accept {what}</source>
        <translation>принять: {what}</translation>
    </message>
    <message>
        <source>reject {what}</source>
        <translation>отклонить: {what}</translation>
    </message>
    <message>
        <source>accept {count} suggestion(s)</source>
        <translation>принять подсказки: {count}</translation>
    </message>
    <message>
        <source>label {count} occurrence(s) {label}</source>
        <translation>пометить как {label} вхождения: {count}</translation>
    </message>
    <message>
        <source>fix {old} to {new}</source>
        <translation>исправить {old} на {new}</translation>
    </message>
    <message>
        <source>at least two annotators are needed to compare, and the project has {count}</source>
        <translation>для сравнения нужны хотя бы два аннотатора, а в проекте: {count}</translation>
    </message>
    <message>
        <source>at least two annotators are needed to compare, and the project has {count} (others, such as {others}, are compared only when named)</source>
        <translation>для сравнения нужны хотя бы два аннотатора, а в проекте: {count} (другие, например {others}, сравниваются, только если их назвать)</translation>
    </message>
    <message>
        <source>{documents} documents: {given} assigned ({several} to several people), {ready} ready for curation</source>
        <translation>документов: {documents}; назначено: {given} (нескольким людям: {several}); готово к сверке: {ready}</translation>
    </message>
    <message>
        <source>{done} of {assigned}</source>
        <translation>{done} из {assigned}</translation>
    </message>
    <message>
        <source>{done} (nothing assigned)</source>
        <translation>{done} (ничего не назначено)</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>{n} doc</source>
        <translation>док.: {n}</translation>
    </message>
    <message>
        <source>{n} docs</source>
        <translation>док.: {n}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>не назначено</translation>
    </message>
    <message>
        <source>{path}: the project file is damaged ({problem}); close the window and restore the newest backup with: {command}</source>
        <translation>{path}: файл проекта повреждён ({problem}); закройте окно и восстановите последнюю резервную копию командой: {command}</translation>
    </message>
    <message>
        <source>{path}: the project file is damaged ({problem}); no backup of it was found</source>
        <translation>{path}: файл проекта повреждён ({problem}); его резервная копия не найдена</translation>
    </message>
    <message>
        <source>{extent} covered by two or more of them ({scope})</source>
        <translation>{extent}, размеченные двумя или более из них ({scope})</translation>
    </message>
    <message>
        <source>marked done, in the documents assigned to them</source>
        <translation>отмеченные готовыми, в назначенных им документах</translation>
    </message>
    <message>
        <source>all sentences, in the documents assigned to them</source>
        <translation>все предложения, в назначенных им документах</translation>
    </message>
    <message>
        <source>marked done</source>
        <translation>отмеченные готовыми</translation>
    </message>
    <message>
        <source>all sentences</source>
        <translation>все предложения</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>{n} документ</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>документов: {n}</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no assigned document in common</source>
        <translation>у сравниваемых аннотаторов ({names}) нет общего назначенного документа</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no sentence in common marked done in the documents assigned to them</source>
        <translation>у сравниваемых аннотаторов ({names}) нет общего предложения с пометкой «готово» в назначенных им документах</translation>
    </message>
    <message>
        <source>the compared annotators ({names}) have no sentence in common marked done</source>
        <translation>у сравниваемых аннотаторов ({names}) нет общего предложения с пометкой «готово»</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>{a}/{b} {figure} ({extent})</source>
        <translation>{a}/{b} {figure} ({extent})</translation>
    </message>
    <message>
        <source>Entities: alpha {alpha}; {pairs}.</source>
        <translation>Сущности: альфа {alpha}; {pairs}.</translation>
    </message>
    <message>
        <source>Events: {pairs}.</source>
        <translation>События: {pairs}.</translation>
    </message>
    <message>
        <source>Stance: alpha {alpha} over {items} sentence–target items, without none {without}</source>
        <translation>Позиция: альфа {alpha} по единицам «предложение–объект» ({items}), без none {without}</translation>
    </message>
    <message>
        <source>Entities: {none}.</source>
        <translation>Сущности: {none}.</translation>
    </message>
    <message>
        <source>Events: {none}.</source>
        <translation>События: {none}.</translation>
    </message>
    <message>
        <source>Stance: {none}.</source>
        <translation>Позиция: {none}.</translation>
    </message>
    <message>
        <source>{alpha} over {items} items</source>
        <translation>{alpha} по единицам ({items})</translation>
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
        <translation>Сравнено: {line}.</translation>
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
        <translation>F1 сущностей</translation>
    </message>
    <message>
        <source>trigger F1</source>
        <translation>F1 триггеров</translation>
    </message>
    <message>
        <source>stance kappa</source>
        <translation>каппа позиции</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>сущности</translation>
    </message>
    <message>
        <source>events</source>
        <translation>события</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>позиция</translation>
    </message>
    <message>
        <source>{document} · {number} · {layer}: {detail}</source>
        <translation>{document} · {number} · {layer}: {detail}</translation>
    </message>
    <message>
        <source>✓ ready · {document} · {number} · {layer}: {detail}</source>
        <translation>✓ готово · {document} · {number} · {layer}: {detail}</translation>
    </message>
    <message>
        <source>nothing to review: {problem}</source>
        <translation>рецензировать нечего: {problem}</translation>
    </message>
    <message>
        <source>⚠ the sentence could not be read: {problem}</source>
        <translation>⚠ не удалось прочитать предложение: {problem}</translation>
    </message>
    <message>
        <source>{name} has no entity under the cursor</source>
        <translation>у {name} нет сущности под курсором</translation>
    </message>
    <message>
        <source>{name} has no event trigger under the cursor</source>
        <translation>у {name} нет триггера события под курсором</translation>
    </message>
    <message>
        <source>gold already has {name}&apos;s stance</source>
        <translation>в эталоне уже есть позиция {name}</translation>
    </message>
    <message>
        <source>gold already holds everything they agree on</source>
        <translation>в эталоне уже есть всё, в чём они согласны</translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>все метки</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}; the sentence shows what the project holds</source>
        <translation>не сохранено: {what}: {reason}; предложение показывает то, что хранит проект</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>отменить</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>повторить</translation>
    </message>
    <message>
        <source>undo “{what}”</source>
        <translation>отменить «{what}»</translation>
    </message>
    <message>
        <source>redo “{what}”</source>
        <translation>повторить «{what}»</translation>
    </message>
    <message>
        <source>could not {what}: {problem}; it is taken off the history</source>
        <translation>не удалось {what}: {problem}; шаг убран из истории</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}; the project cannot be read either ({problem}), so the sentence may be out of date</source>
        <translation>не сохранено: {what}: {reason}; проект тоже не читается ({problem}), предложение может быть устаревшим</translation>
    </message>
    <message>
        <source>backed up to {where}</source>
        <translation>резервная копия сохранена: {where}</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>нечего отменять</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>нечего повторять</translation>
    </message>
    <message>
        <source>the connection broke while saving “{what}”, but the project holds it: saved</source>
        <translation>соединение оборвалось при сохранении «{what}», но проект его хранит: сохранено</translation>
    </message>
    <message>
        <source>backup failed: {problem}</source>
        <translation>резервная копия не сделана: {problem}</translation>
    </message>
    <message>
        <source>{name} cannot change {owner}&apos;s annotations: everyone edits only their own layer</source>
        <translation>{name} не может менять аннотации участника {owner}: каждый правит только свой слой</translation>
    </message>
    <message>
        <source>the change names nobody: open the project as an annotator or reviewer to edit it</source>
        <translation>в изменении не указан участник: чтобы править, откройте проект как аннотатор или рецензент</translation>
    </message>
    <message>
        <source>the annotator of this change is not in the project</source>
        <translation>аннотатора этого изменения нет в проекте</translation>
    </message>
    <message>
        <source>nobody edits as the gold layer itself: reviewers write gold under their own names</source>
        <translation>никто не правит от имени самого эталона: рецензенты пишут эталон под своими именами</translation>
    </message>
    <message>
        <source>only reviewers write the gold layer, and {name} is an annotator</source>
        <translation>эталон пишут только рецензенты, а {name} — аннотатор</translation>
    </message>
    <message>
        <source>there is no sentence {number}</source>
        <translation>предложения {number} нет</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: {names} annotated it too (a person alone on a document may correct it)</source>
        <translation>исправлять этот документ может только рецензент: его аннотировали также {names} (участник, один работающий с документом, может его исправлять)</translation>
    </message>
    <message>
        <source>the correction names nobody: open the project as an annotator or reviewer</source>
        <translation>в исправлении не указан участник: откройте проект как аннотатор или рецензент</translation>
    </message>
    <message>
        <source>the person correcting is not in the project</source>
        <translation>исправляющего участника нет в проекте</translation>
    </message>
    <message>
        <source>nobody corrects as the gold layer itself: reviewers correct under their own names</source>
        <translation>никто не исправляет от имени самого эталона: рецензенты исправляют под своими именами</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: {names} and others annotated it too (a person alone on a document may correct it)</source>
        <translation>исправлять этот документ может только рецензент: его аннотировали также {names} и другие (участник, один работающий с документом, может его исправлять)</translation>
    </message>
    <message>
        <source>only a reviewer may correct this document: others annotated it too (a person alone on a document may correct it)</source>
        <translation>исправлять этот документ может только рецензент: его аннотировали и другие (участник, один работающий с документом, может его исправлять)</translation>
    </message>
    <message>
        <source>the database&apos;s row-level security does not let you rewrite these sentences: correcting a document needs a login that may change its sentences and everyone&apos;s rows in it</source>
        <translation>защита строк базы данных не даёт переписать эти предложения: для исправления документа нужен логин, которому можно менять его предложения и строки всех участников в нём</translation>
    </message>
    <message>
        <source>there is no sentence {number}: it was corrected or removed meanwhile</source>
        <translation>предложения {number} нет: его тем временем исправили или удалили</translation>
    </message>
    <message>
        <source>the sentences were corrected or removed meanwhile: read the document again</source>
        <translation>предложения тем временем исправили или удалили: перечитайте документ</translation>
    </message>
    <message>
        <source>the event or the entity no longer exists</source>
        <translation>события или сущности больше нет</translation>
    </message>
    <message>
        <source>an argument must be an entity of the same sentence and annotator as its event</source>
        <translation>аргументом может быть только сущность того же предложения и аннотатора, что и событие</translation>
    </message>
    <message>
        <source>the same {label} entity is already there</source>
        <translation>такая же сущность {label} уже есть</translation>
    </message>
    <message>
        <source>the same {event_type} event is already there</source>
        <translation>такое же событие {event_type} уже есть</translation>
    </message>
    <message>
        <source>a stance holder must be an entity of the same sentence and annotator</source>
        <translation>носитель позиции должен быть сущностью того же предложения и аннотатора</translation>
    </message>
    <message>
        <source>a stance holder must be an entity of the same document and annotator</source>
        <translation>носитель позиции должен быть сущностью того же документа и аннотатора</translation>
    </message>
    <message>
        <source>only a manager may fix the text of a shared document (its sentences are everyone&apos;s)</source>
        <translation>текст общего документа может исправлять только менеджер (его предложения общие)</translation>
    </message>
    <message>
        <source>the sentence is no longer in the project</source>
        <translation>предложения больше нет в проекте</translation>
    </message>
    <message>
        <source>the sentence no longer reads {old} there</source>
        <translation>в предложении там больше не написано {old}</translation>
    </message>
</context>
<context>
    <name>MixedScript</name>
    <message>
        <source>mixed Latin and Cyrillic letters: {word} → {fixed}</source>
        <translation>смешаны латинские и кириллические буквы: {word} → {fixed}</translation>
    </message>
    <message>
        <source>mixed Latin and Cyrillic letters: {word} (a letter with no look-alike: not fixable)</source>
        <translation>смешаны латинские и кириллические буквы: {word} (у буквы нет двойника: не исправить)</translation>
    </message>
    <message>
        <source>the token under the cursor does not mix Latin and Cyrillic letters</source>
        <translation>в токене под курсором нет смеси латинских и кириллических букв</translation>
    </message>
    <message>
        <source>{word} cannot be fixed: a letter has no look-alike in the other script</source>
        <translation>{word} не исправить: у буквы нет двойника в другом алфавите</translation>
    </message>
    <message>
        <source>Fix &amp;mixed Latin/Cyrillic letters of the token</source>
        <translation>Исправить &amp;смесь латиницы и кириллицы в токене</translation>
    </message>
    <message>
        <source>Fix mixed Latin/Cyrillic letters when importing</source>
        <translation>Исправлять смесь латиницы и кириллицы при импорте</translation>
    </message>
    <message>
        <source>Import: mixed Latin and Cyrillic letters</source>
        <translation>Импорт: смесь латинских и кириллических букв</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Латиница</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>Кириллица</translation>
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
        <translation>атрибуты</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>позиция</translation>
    </message>
    <message>
        <source>document stance</source>
        <translation>позиция док.</translation>
    </message>
    <message>
        <source>holder</source>
        <translation>носитель</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>пропуск</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>пометка</translation>
    </message>
    <message>
        <source>choose label</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>article</source>
        <translation>статья</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>F1 all keys</source>
        <translation>F1 клавиши</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Триггер</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Атрибуты</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Предл.</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Носитель</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Док.</translation>
    </message>
    <message>
        <source>Doc holder</source>
        <translation>Носитель док.</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Позиция</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>stance toward {target}: {label} {score}</source>
        <translation>позиция к «{target}»: {label} {score}</translation>
    </message>
    <message>
        <source>filter documents</source>
        <translation>фильтр документов</translation>
    </message>
    <message>
        <source>goes through them</source>
        <translation>перебирает</translation>
    </message>
    <message>
        <source>accepts</source>
        <translation>принимает</translation>
    </message>
    <message>
        <source>rejects</source>
        <translation>отклоняет</translation>
    </message>
    <message>
        <source>takes all</source>
        <translation>берёт все</translation>
    </message>
    <message>
        <source>1 suggestion ({keys})</source>
        <translation>1 подсказка ({keys})</translation>
    </message>
    <message>
        <source>{n} suggestions ({keys})</source>
        <translation>подсказок: {n} ({keys})</translation>
    </message>
    <message>
        <source>{document} · sentence {number} of {count} · {status}</source>
        <translation>{document} · предложение {number} из {count} · {status}</translation>
    </message>
    <message>
        <source>comment: {comment}</source>
        <translation>комментарий: {comment}</translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <source>entity tagger</source>
        <translation>теггер сущностей</translation>
    </message>
    <message>
        <source>trigger tagger</source>
        <translation>теггер триггеров</translation>
    </message>
    <message>
        <source>string matcher</source>
        <translation>поиск по строкам</translation>
    </message>
    <message>
        <source>{kind} classifier</source>
        <translation>классификатор {kind}</translation>
    </message>
    <message>
        <source> (shared)</source>
        <translation> (общий)</translation>
    </message>
    <message>
        <source> (yours)</source>
        <translation> (ваш)</translation>
    </message>
    <message>
        <source>{name}: learned from {n} sentences · {when}</source>
        <translation>{name}: обучен на {n} предложениях · {when}</translation>
    </message>
    <message>
        <source>{name}: F1 {f1} (P {p}, R {r}) on {held} held-out of {n} sentences · {when}</source>
        <translation>{name}: F1 {f1} (P {p}, R {r}) на {held} отложенных из {n} предложений · {when}</translation>
    </message>
    <message>
        <source>no recommender trained yet: Ctrl+T trains on the done sentences</source>
        <translation>система подсказок ещё не обучена: Ctrl+T обучает на готовых предложениях</translation>
    </message>
    <message>
        <source>label</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>спаны</translation>
    </message>
    <message>
        <source>tokens by gold label (rows) and suggested label (columns), held-out</source>
        <translation>токены по эталонной метке (строки) и предложенной метке (столбцы), на отложенной выборке</translation>
    </message>
    <message>
        <source>Entity tagger per label (held-out):</source>
        <translation>Теггер сущностей по меткам (отложенная выборка):</translation>
    </message>
    <message>
        <source>Confusion (gold rows × suggested columns, tokens):</source>
        <translation>Ошибки (эталон — строки × подсказка — столбцы, токены):</translation>
    </message>
    <message>
        <source>Learn from the done sentences of:</source>
        <translation>Учиться на готовых предложениях слоёв:</translation>
    </message>
    <message>
        <source>training in the background…</source>
        <translation>идёт обучение в фоне…</translation>
    </message>
    <message>
        <source> (one more run queued)</source>
        <translation> (ещё один запуск в очереди)</translation>
    </message>
    <message>
        <source>idle: the recommenders retrain as sentences are marked done (Ctrl+T: now)</source>
        <translation>ожидание: системы подсказок переобучаются по мере готовности предложений (Ctrl+T: сейчас)</translation>
    </message>
    <message>
        <source>suggestions shown from score {score} ( [ and ] change it )</source>
        <translation>подсказки показаны от оценки {score} ( [ и ] меняют её )</translation>
    </message>
    <message>
        <source>no model stored in this project yet</source>
        <translation>в этом проекте пока нет сохранённой модели</translation>
    </message>
    <message>
        <source>you have not accepted or rejected a suggestion yet</source>
        <translation>вы ещё не приняли и не отклонили ни одной подсказки</translation>
    </message>
    <message>
        <source>you accepted {n} of {total} suggestions ({share} %)</source>
        <translation>вы приняли {n} из {total} подсказок ({share} %)</translation>
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
        <translation>вычисляется согласованность…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Confusion of spans on the same tokens (rows: first annotator, columns: second)</source>
        <translation>Расхождения спанов на одних токенах (строки: первый аннотатор, столбцы: второй)</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>По меткам</translation>
    </message>
    <message>
        <source>Pairs and confusion</source>
        <translation>Пары и расхождения</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <source>gold (what you accept)</source>
        <translation>эталон (то, что вы приняли)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Рецензирование</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>Вычисляется согласованность…</translation>
    </message>
    <message>
        <source>{document} · sentence {number} of {count}</source>
        <translation>{document} · предложение {number} из {count}</translation>
    </message>
    <message>
        <source>Disagreements of which label?</source>
        <translation>Расхождения какой метки?</translation>
    </message>
    <message>
        <source>gold: {what}</source>
        <translation>эталон: {what}</translation>
    </message>
    <message>
        <source>{project} — gold, edited by {name} — annotator</source>
        <translation>{project} — эталон, правит {name} — annotator</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>{message}

Details are in {log}.</source>
        <translation>{message}

Подробности: {log}.</translation>
    </message>
    <message>
        <source>all saved</source>
        <translation>всё сохранено</translation>
    </message>
    <message>
        <source>saved: the project takes edits again</source>
        <translation>сохранено: проект снова принимает правки</translation>
    </message>
    <message>
        <source>saved {time}</source>
        <translation>сохранено {time}</translation>
    </message>
    <message>
        <source>every edit shown is stored in the project</source>
        <translation>каждая показанная правка сохранена в проекте</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>не сохранено</translation>
    </message>
    <message>
        <source>not saved: {what}: {reason}</source>
        <translation>не сохранено: {what}: {reason}</translation>
    </message>
    <message>
        <source>{message}.

Details are in {log}.</source>
        <translation>{message}.

Подробности: {log}.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>something went wrong: {summary} (details in {log})</source>
        <translation>что-то пошло не так: {summary} (подробности: {log})</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>waiting for the project: another program has been writing to it for {n} s …</source>
        <translation>ожидание проекта: другая программа пишет в него уже {n} с …</translation>
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
        <translation>предложение {number} из {count}</translation>
    </message>
    <message>
        <source>document {done}/{total} done · corpus {corpus_done}/{corpus_total} done</source>
        <translation>документ: готово {done}/{total} · корпус: готово {corpus_done}/{corpus_total}</translation>
    </message>
    <message>
        <source>team: the project cannot be read just now</source>
        <translation>команда: проект сейчас не читается</translation>
    </message>
    <message>
        <source>{name} {done} done</source>
        <translation>{name}: готово {done}</translation>
    </message>
    <message>
        <source>team: {people}</source>
        <translation>команда: {people}</translation>
    </message>
    <message>
        <source> (just now)</source>
        <translation> (только что)</translation>
    </message>
    <message>
        <source> ({n} min ago)</source>
        <translation> ({n} мин назад)</translation>
    </message>
    <message>
        <source> ({n} h ago)</source>
        <translation> ({n} ч назад)</translation>
    </message>
    <message>
        <source> ({n} d ago)</source>
        <translation> ({n} дн назад)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>All supported</source>
        <translation>Все поддерживаемые</translation>
    </message>
    <message>
        <source>All (*)</source>
        <translation>Все (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>{n} sentence</source>
        <translation>предложений: {n}</translation>
    </message>
    <message>
        <source>{n} sentences</source>
        <translation>предложений: {n}</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>документов: {n}</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>документов: {n}</translation>
    </message>
    <message>
        <source>wrote {sentences} of {documents} ({layer}) to {destination}</source>
        <translation>записано в {destination} ({layer}): {sentences}, {documents}</translation>
    </message>
    <message>
        <source>, event triggers to {path}</source>
        <translation>, триггеры событий: {path}</translation>
    </message>
</context>
<context>
    <name>Upkeep</name>
    <message>
        <source>the search index holds every sentence now</source>
        <translation>поисковый индекс теперь содержит все предложения</translation>
    </message>
    <message>
        <source>the search index could not be filled: {problem}</source>
        <translation>не удалось заполнить поисковый индекс: {problem}</translation>
    </message>
    <message>
        <source>The project file is damaged</source>
        <translation>Файл проекта повреждён</translation>
    </message>
    <message>
        <source>the project file could not be checked: {problem}</source>
        <translation>не удалось проверить файл проекта: {problem}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>todo</source>
        <translation>не готово</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>с пометкой</translation>
    </message>
    <message>
        <source>favor</source>
        <translation>за</translation>
    </message>
    <message>
        <source>against</source>
        <translation>против</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>нейтрально</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>the document list could not be read: {problem}</source>
        <translation>не удалось прочитать список документов: {problem}</translation>
    </message>
    <message>
        <source>no more sentences in that direction</source>
        <translation>в этом направлении предложений больше нет</translation>
    </message>
    <message>
        <source>every sentence is done</source>
        <translation>все предложения готовы</translation>
    </message>
    <message>
        <source>position not saved: {problem}</source>
        <translation>позиция в тексте не сохранена: {problem}</translation>
    </message>
    <message>
        <source>the sentence could not be read again: {problem}</source>
        <translation>не удалось перечитать предложение: {problem}</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>обновлено</translation>
    </message>
    <message>
        <source>search failed: {problem}</source>
        <translation>поиск не удался: {problem}</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>отменено; ничего не изменено</translation>
    </message>
    <message>
        <source>{problem} (details in {log})</source>
        <translation>{problem} (подробности: {log})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>keymap</name>
    <message>
        <source>move the token cursor left</source>
        <translation>курсор токенов влево</translation>
    </message>
    <message>
        <source>move the token cursor right</source>
        <translation>курсор токенов вправо</translation>
    </message>
    <message>
        <source>extend the selection to the left</source>
        <translation>расширить выделение влево</translation>
    </message>
    <message>
        <source>extend the selection to the right</source>
        <translation>расширить выделение вправо</translation>
    </message>
    <message>
        <source>cursor to the first token (Shift+Home extends)</source>
        <translation>курсор на первый токен (Shift+Home расширяет)</translation>
    </message>
    <message>
        <source>cursor to the last token (Shift+End extends)</source>
        <translation>курсор на последний токен (Shift+End расширяет)</translation>
    </message>
    <message>
        <source>drop the selection</source>
        <translation>снять выделение</translation>
    </message>
    <message>
        <source>tag the selection with the first ten labels; on an entity, change its label</source>
        <translation>пометить выделение одной из первых десяти меток; на сущности — сменить её метку</translation>
    </message>
    <message>
        <source>the labels after the tenth (see the palette)</source>
        <translation>метки после десятой (см. палитру)</translation>
    </message>
    <message>
        <source>choose any label by typing part of its name</source>
        <translation>выбрать любую метку, набрав часть её названия</translation>
    </message>
    <message>
        <source>remove the annotation under the cursor</source>
        <translation>удалить аннотацию под курсором</translation>
    </message>
    <message>
        <source>mark the sentence done and go to the next one</source>
        <translation>отметить предложение готовым и перейти к следующему</translation>
    </message>
    <message>
        <source>next sentence (status unchanged)</source>
        <translation>следующее предложение (статус не меняется)</translation>
    </message>
    <message>
        <source>previous sentence (status unchanged)</source>
        <translation>предыдущее предложение (статус не меняется)</translation>
    </message>
    <message>
        <source>next sentence not yet done</source>
        <translation>следующее ещё не готовое предложение</translation>
    </message>
    <message>
        <source>make the selection an event trigger, then choose its type</source>
        <translation>сделать выделение триггером события и выбрать его тип</translation>
    </message>
    <message>
        <source>add an argument: an entity of the sentence and a role of the event</source>
        <translation>добавить аргумент: сущность предложения и роль события</translation>
    </message>
    <message>
        <source>set an attribute of the event under the cursor (polarity, modality, tense)</source>
        <translation>задать атрибут события под курсором (полярность, модальность, время)</translation>
    </message>
    <message>
        <source>set the sentence&apos;s stance toward a target</source>
        <translation>задать позицию предложения к объекту</translation>
    </message>
    <message>
        <source>set the document&apos;s stance toward a target</source>
        <translation>задать позицию документа к объекту</translation>
    </message>
    <message>
        <source>set the holder of a stance (an entity)</source>
        <translation>задать носителя позиции (сущность)</translation>
    </message>
    <message>
        <source>mark the sentence skipped and go on</source>
        <translation>отметить предложение пропущенным и идти дальше</translation>
    </message>
    <message>
        <source>flag the sentence with a comment</source>
        <translation>пометить предложение с комментарием</translation>
    </message>
    <message>
        <source>show or hide the whole article</source>
        <translation>показать или скрыть всю статью</translation>
    </message>
    <message>
        <source>next suggestion (dashed: not yet an annotation)</source>
        <translation>следующая подсказка (пунктир: ещё не аннотация)</translation>
    </message>
    <message>
        <source>previous suggestion</source>
        <translation>предыдущая подсказка</translation>
    </message>
    <message>
        <source>accept the suggestion under the cursor</source>
        <translation>принять подсказку под курсором</translation>
    </message>
    <message>
        <source>reject the suggestion under the cursor: it does not come back</source>
        <translation>отклонить подсказку под курсором: она больше не вернётся</translation>
    </message>
    <message>
        <source>accept every suggestion shown in the sentence</source>
        <translation>принять все показанные подсказки предложения</translation>
    </message>
    <message>
        <source>show only surer suggestions (raise the score threshold)</source>
        <translation>показывать только более уверенные подсказки (поднять порог оценки)</translation>
    </message>
    <message>
        <source>show less sure suggestions too (lower the score threshold)</source>
        <translation>показывать и менее уверенные подсказки (понизить порог оценки)</translation>
    </message>
    <message>
        <source>label every unlabelled occurrence of the entity under the cursor in the document</source>
        <translation>пометить все непомеченные вхождения сущности под курсором в документе</translation>
    </message>
    <message>
        <source>the same in the whole corpus</source>
        <translation>то же во всём корпусе</translation>
    </message>
    <message>
        <source>go to the not-done sentence the tagger is least sure of</source>
        <translation>перейти к неготовому предложению, в котором теггер уверен меньше всего</translation>
    </message>
    <message>
        <source>train the recommenders now (they retrain as sentences are marked done)</source>
        <translation>обучить системы подсказок сейчас (они переобучаются по мере готовности предложений)</translation>
    </message>
    <message>
        <source>show or hide the recommender panel: quality, training, acceptance</source>
        <translation>показать или скрыть панель подсказок: качество, обучение, принятие</translation>
    </message>
    <message>
        <source>fix the token&apos;s mixed Latin/Cyrillic letters (red wavy line)</source>
        <translation>исправить смесь латиницы и кириллицы в токене (красная волнистая линия)</translation>
    </message>
    <message>
        <source>split the token under the cursor: Left/Right choose where, Return splits</source>
        <translation>разделить токен под курсором: Влево/Вправо выбирают место, Return делит</translation>
    </message>
    <message>
        <source>merge the token under the cursor with the next one</source>
        <translation>слить токен под курсором со следующим</translation>
    </message>
    <message>
        <source>split the sentence before the token under the cursor</source>
        <translation>разделить предложение перед токеном под курсором</translation>
    </message>
    <message>
        <source>join the sentence with the next one of its document</source>
        <translation>объединить предложение со следующим предложением документа</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>отменить</translation>
    </message>
    <message>
        <source>redo (Ctrl+Y too)</source>
        <translation>повторить (также Ctrl+Y)</translation>
    </message>
    <message>
        <source>search the corpus text and jump to a hit</source>
        <translation>искать в тексте корпуса и перейти к найденному</translation>
    </message>
    <message>
        <source>import files (or drop them on the window)</source>
        <translation>импортировать файлы (или перетащить их в окно)</translation>
    </message>
    <message>
        <source>export a layer to CoNLL, JSONL, doccano, Label Studio or brat</source>
        <translation>экспортировать слой в CoNLL, JSONL, doccano, Label Studio или brat</translation>
    </message>
    <message>
        <source>refresh: teammates&apos; progress, the document list and the sentence (also every 30 s)</source>
        <translation>обновить: прогресс коллег, список документов и предложение (также каждые 30 с)</translation>
    </message>
    <message>
        <source>this keymap</source>
        <translation>эта таблица клавиш</translation>
    </message>
    <message>
        <source>quit (everything is already saved)</source>
        <translation>выход (всё уже сохранено)</translation>
    </message>
    <message>
        <source>previous disagreement</source>
        <translation>предыдущее расхождение</translation>
    </message>
    <message>
        <source>next disagreement</source>
        <translation>следующее расхождение</translation>
    </message>
    <message>
        <source>move the token cursor left in every version</source>
        <translation>курсор токенов влево во всех версиях</translation>
    </message>
    <message>
        <source>move the token cursor right in every version</source>
        <translation>курсор токенов вправо во всех версиях</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 1 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 2 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 3 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 4 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 5 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 6 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 7 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 8 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора 9 под курсором</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 1 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 2 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 3 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 4 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 5 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 6 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 7 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 8 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора 9 под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator 1&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 1</translation>
    </message>
    <message>
        <source>accept annotator 2&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 2</translation>
    </message>
    <message>
        <source>accept annotator 3&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 3</translation>
    </message>
    <message>
        <source>accept annotator 4&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 4</translation>
    </message>
    <message>
        <source>accept annotator 5&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 5</translation>
    </message>
    <message>
        <source>accept annotator 6&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 6</translation>
    </message>
    <message>
        <source>accept annotator 7&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 7</translation>
    </message>
    <message>
        <source>accept annotator 8&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 8</translation>
    </message>
    <message>
        <source>accept annotator 9&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора 9</translation>
    </message>
    <message>
        <source>accept everything all annotators agree on in this sentence</source>
        <translation>принять всё, в чём согласны все аннотаторы в этом предложении</translation>
    </message>
    <message>
        <source>remove the gold entity under the cursor</source>
        <translation>удалить эталонную сущность под курсором</translation>
    </message>
    <message>
        <source>edit gold directly in the annotation window, on this sentence</source>
        <translation>править эталон прямо в окне разметки, на этом предложении</translation>
    </message>
    <message>
        <source>choose a label (lowest F1 first) and list only its disagreements</source>
        <translation>выбрать метку (сначала с наименьшим F1) и показать только её расхождения</translation>
    </message>
    <message>
        <source>show or hide the team dashboard: done, speed and agreement per person, documents ready for curation</source>
        <translation>показать или скрыть панель команды: готово, скорость и согласованность по людям, документы, готовые к проверке</translation>
    </message>
    <message>
        <source>previous / next disagreement</source>
        <translation>предыдущее / следующее расхождение</translation>
    </message>
    <message>
        <source>move the token cursor in every version</source>
        <translation>двигать курсор токенов во всех версиях</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s entity under the cursor into gold</source>
        <translation>принять в эталон сущность аннотатора n под курсором</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s event under the cursor (with attributes and arguments)</source>
        <translation>принять событие аннотатора n под курсором (с атрибутами и аргументами)</translation>
    </message>
    <message>
        <source>accept annotator n&apos;s stance of the sentence</source>
        <translation>принять позицию предложения аннотатора n</translation>
    </message>
    <message>
        <source>undo / redo a gold edit</source>
        <translation>отменить / повторить правку эталона</translation>
    </message>
</context>
</TS>
