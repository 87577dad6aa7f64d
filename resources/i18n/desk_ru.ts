<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <source>Greeting template for parents</source>
        <translation>Шаблон поздравления родителя</translation>
    </message>
    <message>
        <source>Placeholders: {parent} — the parent&apos;s first name, {age} — their age, {studio} — the studio.</source>
        <translation>Подстановки: {parent} — имя родителя, {age} — возраст, {studio} — название студии.</translation>
    </message>
    <message>
        <source>Greeting template</source>
        <translation>Шаблон поздравления</translation>
    </message>
    <message>
        <source>Placeholders: {parent} — the parent&apos;s first name, {child} — the children&apos;s names, {age} — their ages, {studio} — the studio.</source>
        <translation>Подстановки: {parent} — имя родителя, {child} — имена детей, {age} — их возраст, {studio} — название студии.</translation>
    </message>
</context>
<context>
    <name>AnswersModel</name>
    <message>
        <source>Answered</source>
        <translation>Дата ответа</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Опрос</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database is in a network or synced folder ({path}). SQLite must not be shared between computers this way: keep the file on this PC.</source>
        <translation>База лежит в сетевой или синхронизируемой папке ({path}). Так делить SQLite между компьютерами нельзя: держите файл на этом ПК.</translation>
    </message>
    <message>
        <source>A newer Desk has upgraded the studio&apos;s database, so this Desk opened it read-only: you can look, not change. Update Desk on this PC.</source>
        <translation>Более новая версия Desk уже обновила базу студии, поэтому эта версия открыла её только для чтения: смотреть можно, менять нельзя. Обновите Desk на этом компьютере.</translation>
    </message>
    <message>
        <source>Read-only: rows of this database break the rules and need fixing</source>
        <translation>Только чтение: строки этой базы нарушают правила и требуют исправления</translation>
    </message>
    <message>
        <source>Read-only: update Desk on this PC to work with the studio&apos;s database</source>
        <translation>Только чтение: обновите Desk на этом компьютере, чтобы работать с базой студии</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation>Настройки подключения…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Lesson</source>
        <translation>Занятие</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Без отметки</translation>
    </message>
    <message>
        <source>Charge problems</source>
        <translation>Ошибки списаний</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Отметка</translation>
    </message>
    <message>
        <source>To charge</source>
        <translation>К списанию</translation>
    </message>
    <message>
        <source>Debited</source>
        <translation>Списано</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Came (F5)</source>
        <translation>Пришёл (F5)</translation>
    </message>
    <message>
        <source>Did not come (F6)</source>
        <translation>Не пришёл (F6)</translation>
    </message>
    <message>
        <source>Cancelled by client</source>
        <translation>Отменил клиент</translation>
    </message>
    <message>
        <source>Ask the teacher…</source>
        <translation>Спросить педагога…</translation>
    </message>
    <message>
        <source>Every ended lesson is marked and charged correctly.</source>
        <translation>Все прошедшие занятия отмечены, списания верны.</translation>
    </message>
    <message>
        <source>Lessons to check</source>
        <translation>Занятия к проверке</translation>
    </message>
    <message>
        <source>first time</source>
        <translation>впервые</translation>
    </message>
    <message numerus="yes">
        <source>debited %n times</source>
        <translation>
            <numerusform>списано %n раз</numerusform>
            <numerusform>списано %n раза</numerusform>
            <numerusform>списано %n раз</numerusform>
        </translation>
    </message>
    <message>
        <source>debit missing</source>
        <translation>нет списания</translation>
    </message>
    <message>
        <source>charged but not due</source>
        <translation>списано лишнее</translation>
    </message>
    <message>
        <source>Ask the teacher</source>
        <translation>Спросить педагога</translation>
    </message>
    <message>
        <source>A task with the teacher&apos;s contact and the children is in Today.</source>
        <translation>Задача с контактом педагога и списком детей — в «Сегодня».</translation>
    </message>
</context>
<context>
    <name>AudioPicker</name>
    <message>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <source>Attach a voice note…</source>
        <translation>Прикрепить голосовое…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Voice note: {name} (not saved yet)</source>
        <translation>Голосовое: {name} (ещё не сохранено)</translation>
    </message>
    <message>
        <source>Voice note: {name}</source>
        <translation>Голосовое: {name}</translation>
    </message>
    <message>
        <source>No voice note</source>
        <translation>Голосового нет</translation>
    </message>
    <message>
        <source>Attach a voice note</source>
        <translation>Прикрепить голосовое</translation>
    </message>
    <message>
        <source>Voice notes ({patterns})</source>
        <translation>Голосовые ({patterns})</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>parents</source>
        <translation>родители</translation>
    </message>
    <message>
        <source>children</source>
        <translation>дети</translation>
    </message>
    <message>
        <source>legend</source>
        <translation>легенда</translation>
    </message>
    <message>
        <source>source</source>
        <translation>откуда узнали</translation>
    </message>
    <message>
        <source>preferred channel</source>
        <translation>удобный канал</translation>
    </message>
    <message>
        <source>consent to messages</source>
        <translation>согласие на сообщения</translation>
    </message>
    <message>
        <source>consent to mailings</source>
        <translation>согласие на рассылки</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>дата согласия</translation>
    </message>
    <message>
        <source>consent purposes</source>
        <translation>цели согласия</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>details</source>
        <translation>подробности</translation>
    </message>
    <message>
        <source>due</source>
        <translation>срок</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>assignee role</source>
        <translation>роль исполнителя</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>исполнитель</translation>
    </message>
    <message>
        <source>family</source>
        <translation>семья</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>источник задачи</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>часовой пояс</translation>
    </message>
    <message>
        <source>lock after idle, minutes</source>
        <translation>блокировка без действий, минут</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>сотрудники</translation>
    </message>
    <message>
        <source>families</source>
        <translation>семей</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>skipped rows</source>
        <translation>пропущено строк</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>зерно</translation>
    </message>
    <message>
        <source>erased, now</source>
        <translation>удалено, теперь</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <source>total</source>
        <translation>итого</translation>
    </message>
    <message>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>VK</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>who</source>
        <translation>кем приходится</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>отметка</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <source>handed over by</source>
        <translation>кто передал</translation>
    </message>
    <message>
        <source>to</source>
        <translation>кому</translation>
    </message>
    <message>
        <source>away from</source>
        <translation>отсутствует с</translation>
    </message>
    <message>
        <source>back on</source>
        <translation>выход на работу</translation>
    </message>
    <message>
        <source>items moved</source>
        <translation>передано дел</translation>
    </message>
    <message>
        <source>before the day</source>
        <translation>досрочно</translation>
    </message>
    <message>
        <source>large payment from</source>
        <translation>крупный платёж от</translation>
    </message>
    <message>
        <source>repeat within, days</source>
        <translation>повтор в течение, дней</translation>
    </message>
    <message>
        <source>absences charged</source>
        <translation>списывать за пропуски</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>teacher&apos;s words</source>
        <translation>слова педагога</translation>
    </message>
    <message>
        <source>edited text</source>
        <translation>текст после редактуры</translation>
    </message>
    <message>
        <source>voice note</source>
        <translation>голосовое</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <source>message</source>
        <translation>сообщение</translation>
    </message>
    <message>
        <source>feedback due after, hours</source>
        <translation>срок обратной связи, ч</translation>
    </message>
    <message>
        <source>second feedback due after, days</source>
        <translation>срок второй обратной связи, дн.</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>педагог</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>цитата</translation>
    </message>
    <message>
        <source>tone</source>
        <translation>тон</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>теги</translation>
    </message>
    <message>
        <source>linked to</source>
        <translation>связан с</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>что изменили</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <source>answer within, hours</source>
        <translation>ответить в течение, ч</translation>
    </message>
    <message>
        <source>camp</source>
        <translation>лагерь</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>используется</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>опрос</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>загружено</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>уже были</translation>
    </message>
    <message>
        <source>form link</source>
        <translation>ссылка на форму</translation>
    </message>
    <message>
        <source>question for the family&apos;s code</source>
        <translation>вопрос для кода семьи</translation>
    </message>
    <message>
        <source>invitation</source>
        <translation>приглашение</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>напоминание</translation>
    </message>
    <message>
        <source>remind after, days</source>
        <translation>напомнить через, дней</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>who gets it</source>
        <translation>кому</translation>
    </message>
    <message>
        <source>window, days</source>
        <translation>окно, дней</translation>
    </message>
    <message>
        <source>lessons at least</source>
        <translation>занятий не меньше</translation>
    </message>
    <message>
        <source>recent period, days</source>
        <translation>недавний период, дней</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>приглашено</translation>
    </message>
    <message>
        <source>not invited</source>
        <translation>не приглашено</translation>
    </message>
    <message>
        <source>reminded</source>
        <translation>напомнили</translation>
    </message>
    <message>
        <source>satisfaction items</source>
        <translation>показатели удовлетворённости</translation>
    </message>
    <message>
        <source>importance</source>
        <translation>важность</translation>
    </message>
    <message>
        <source>checklist</source>
        <translation>чек-лист</translation>
    </message>
    <message>
        <source>reset by another</source>
        <translation>сброшен другим</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>заменён</translation>
    </message>
    <message>
        <source>wrong tries</source>
        <translation>неверных попыток</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>criteria</source>
        <translation>критерии</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>вес</translation>
    </message>
    <message>
        <source>automatic fail</source>
        <translation>критичный</translation>
    </message>
    <message>
        <source>whose work</source>
        <translation>чья работа</translation>
    </message>
    <message>
        <source>scored by</source>
        <translation>кто оценил</translation>
    </message>
    <message>
        <source>call or chat</source>
        <translation>звонок или переписка</translation>
    </message>
    <message>
        <source>result, %</source>
        <translation>результат, %</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не засчитан</translation>
    </message>
    <message>
        <source>from paper</source>
        <translation>с бумажного листа</translation>
    </message>
    <message>
        <source>{who} added</source>
        <translation>новый в семье: {who}</translation>
    </message>
    <message>
        <source>{who} removed</source>
        <translation>больше не в семье: {who}</translation>
    </message>
    <message>
        <source>method</source>
        <translation>способ</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>строк</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все сотрудники</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Все разделы</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlankFormDialog</name>
    <message>
        <source>Blank quality sheet</source>
        <translation>Пустой лист оценки качества</translation>
    </message>
    <message>
        <source>The form lists the studio&apos;s criteria as they are now</source>
        <translation>В бланке — критерии студии в их нынешнем виде</translation>
    </message>
    <message>
        <source>A form to fill in by hand</source>
        <translation>Бланк для заполнения от руки</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатано</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Brief for the head teacher</source>
        <translation>Карточка для главного педагога</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Скопировать</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Send by Telegram</source>
        <translation>Отправить в Telegram</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>The head teacher has the brief and will call the parent</source>
        <translation>Главный педагог получил карточку и позвонит родителю</translation>
    </message>
    <message>
        <source>Head teacher:</source>
        <translation>Главный педагог:</translation>
    </message>
    <message>
        <source>The teacher has not written to the studio&apos;s bot yet: copy or print the brief</source>
        <translation>Педагог ещё не писал боту студии: скопируйте или распечатайте карточку</translation>
    </message>
    <message>
        <source>Handover brief</source>
        <translation>Лист передачи дел</translation>
    </message>
    <message>
        <source>Open promises, deadlines and notes for the substitute</source>
        <translation>Открытые обещания, сроки и примечания для замещающего</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) listed</source>
        <translation>
            <numerusform>%n пункт в листе</numerusform>
            <numerusform>%n пункта в листе</numerusform>
            <numerusform>%n пунктов в листе</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsView</name>
    <message>
        <source>Type or paste the number</source>
        <translation>Введите или вставьте номер</translation>
    </message>
    <message>
        <source>Open the family</source>
        <translation>Открыть семью</translation>
    </message>
    <message>
        <source>New family with this number…</source>
        <translation>Новая семья с этим номером…</translation>
    </message>
    <message>
        <source>Application…</source>
        <translation>Заявка…</translation>
    </message>
    <message>
        <source>Keep the caller as an application (a lead) until they become a family</source>
        <translation>Сохранить звонящего как заявку, пока он не стал семьёй</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>Missed / no answer</source>
        <translation>Пропущен / не дозвонились</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>e.g. enrolment, a question about prices</source>
        <translation>например, запись, вопрос о ценах</translation>
    </message>
    <message>
        <source>Save the call (Ctrl+Enter)</source>
        <translation>Сохранить звонок (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>Звонок:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Следующий шаг:</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Последние звонки</translation>
    </message>
    <message>
        <source>To feedback…</source>
        <translation>В обратную связь…</translation>
    </message>
    <message>
        <source>Put what was said on the chosen call into the feedback register</source>
        <translation>Внести сказанное на выбранном звонке в реестр обратной связи</translation>
    </message>
    <message>
        <source>A new number: no family has it yet.</source>
        <translation>Новый номер: его нет ни у одной семьи.</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Who is calling (name)?</source>
        <translation>Кто звонит (имя)?</translation>
    </message>
    <message>
        <source>Saved as an application: see Applications.</source>
        <translation>Сохранено как заявка — см. «Заявки».</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущенный</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <source>outgoing, no answer</source>
        <translation>исходящий, не дозвонились</translation>
    </message>
</context>
<context>
    <name>CampDialog</name>
    <message>
        <source>Camp feedback</source>
        <translation>Обратная связь после лагеря</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слова педагога</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>What the teacher said about the child</source>
        <translation>Что педагог сказал о ребёнке</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>Сохранить и дальше</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Шаблон…</translation>
    </message>
    <message>
        <source>Preview and send…</source>
        <translation>Просмотреть и отправить…</translation>
    </message>
    <message>
        <source>No camp has ended in the last 60 days.</source>
        <translation>За последние 60 дней ни один лагерь не закончился.</translation>
    </message>
    <message>
        <source>Camp:</source>
        <translation>Лагерь:</translation>
    </message>
    <message>
        <source>Camp feedback template</source>
        <translation>Шаблон обратной связи после лагеря</translation>
    </message>
    <message>
        <source>Placeholders: {parent} — the parent&apos;s first name, {children} — the children&apos;s first names, {direction} — the camp, {words} — each child&apos;s words, {studio} — the studio.</source>
        <translation>Подстановки: {parent} — имя родителя, {children} — имена детей, {direction} — лагерь, {words} — слова педагога о каждом ребёнке, {studio} — название студии.</translation>
    </message>
    <message>
        <source>{direction}, {first} — {last} · recorded {recorded} of {children} · sent {sent}</source>
        <translation>{direction}, {first} — {last} · записано {recorded} из {children} · отправлено {sent}</translation>
    </message>
</context>
<context>
    <name>CampSendDialog</name>
    <message>
        <source>Camp feedback to the parents</source>
        <translation>Обратная связь после лагеря — родителям</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Родитель</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Скопировать текст</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Отметить отправленным</translation>
    </message>
    <message>
        <source>Send to {n} families</source>
        <translation>Отправить семьям: {n}</translation>
    </message>
    <message>
        <source>No words recorded yet for: {names}. Their families get a message of their own once recorded.</source>
        <translation>Ещё нет слов педагога: {names}. Их семьи получат отдельное сообщение, когда слова будут записаны.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>no consent: by hand</source>
        <translation>нет согласия: вручную</translation>
    </message>
    <message>
        <source>{channel}: by hand</source>
        <translation>{channel}: вручную</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Отправлено.</translation>
    </message>
    <message>
        <source>The desk cannot send this one: copy the text, send it by the family&apos;s channel ({channel}) and mark it as sent.</source>
        <translation>Это сообщение Desk не отправит сам: скопируйте текст, отправьте через канал семьи ({channel}) и отметьте отправленным.</translation>
    </message>
    <message>
        <source>Goes by {channel} ({address}), not during quiet hours.</source>
        <translation>Уйдёт через {channel} ({address}), не в тихие часы.</translation>
    </message>
    <message>
        <source>Voice notes follow: {names}.</source>
        <translation>Следом уйдут голосовые: {names}.</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>stored in the system keyring; type to replace</source>
        <translation>хранится в системном хранилище паролей; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>Receive and answer Telegram messages</source>
        <translation>Получать сообщения из Telegram и отвечать на них</translation>
    </message>
    <message>
        <source>Change only when the studio runs its own Bot API server</source>
        <translation>Меняйте, только если у студии свой сервер Bot API</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Токен бота:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <source>Telegram bot</source>
        <translation>Бот в Telegram</translation>
    </message>
    <message>
        <source>Receive and answer e-mail</source>
        <translation>Получать письма и отвечать на них</translation>
    </message>
    <message>
        <source>the same as the address</source>
        <translation>совпадает с адресом</translation>
    </message>
    <message>
        <source>Studio&apos;s address:</source>
        <translation>Адрес студии:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>IMAP server:</source>
        <translation>Сервер IMAP:</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Сервер SMTP:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключаемся…</translation>
    </message>
    <message>
        <source>Connected: {who}</source>
        <translation>Подключено: {who}</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Checklist of the day</source>
        <translation>Чек-лист дня</translation>
    </message>
    <message>
        <source>Counted at {time}: {n} of {total} lines to check</source>
        <translation>Посчитано в {time}: проверить {n} из {total} пунктов</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <source>Surname First name</source>
        <translation>Фамилия Имя</translation>
    </message>
    <message>
        <source>Notes (allergies, habits…)</source>
        <translation>Заметки (аллергии, привычки…)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the case</source>
        <translation>Закрыть случай</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>CopiesDialog</name>
    <message>
        <source>Kept checklists</source>
        <translation>Архив чек-листов</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. What you typed is kept; the details are in the log file {path}.</source>
        <translation>Что-то пошло не так: {error}. Введённые данные сохранены в форме; подробности — в журнале {path}.</translation>
    </message>
    <message>
        <source>Desk — unexpected error</source>
        <translation>Desk — непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>CriteriaDialog</name>
    <message>
        <source>Quality sheet criteria</source>
        <translation>Критерии листа оценки качества</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <source>What counts as done</source>
        <translation>Что считается выполненным</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Automatic fail</source>
        <translation>Критичный</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Each criterion is scored 0, 1 or 2; the result is the weighted share of the top score. A criterion removed here keeps its past scores but is not asked any more.</source>
        <translation>Каждый критерий оценивается на 0, 1 или 2; результат — взвешенная доля от высшей оценки. Если критичный критерий оценён на 0, лист не засчитывается. Удалённый здесь критерий сохраняет прошлые оценки, но больше не оценивается.</translation>
    </message>
    <message>
        <source>Row {n}: {text}</source>
        <translation>Строка {n}: {text}</translation>
    </message>
</context>
<context>
    <name>CsiItemsDialog</name>
    <message>
        <source>Satisfaction items (CSI)</source>
        <translation>Показатели удовлетворённости (CSI)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>The CSI weighs each item by its importance (equal by default). An item removed here keeps its past scores but is not asked any more.</source>
        <translation>CSI учитывает каждый показатель с его важностью (по умолчанию у всех одинаковая). Убранный показатель сохраняет прошлые оценки, но больше не спрашивается.</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <source>Feedback deadlines</source>
        <translation>Сроки обратной связи</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>The first feedback, after the lesson ends, within:</source>
        <translation>Первая обратная связь — после конца занятия, в течение:</translation>
    </message>
    <message>
        <source>The second feedback, after the stage is reached, within:</source>
        <translation>Вторая обратная связь — после перехода на этап, в течение:</translation>
    </message>
</context>
<context>
    <name>DigestDialog</name>
    <message>
        <source>While you were away</source>
        <translation>Пока вас не было</translation>
    </message>
    <message>
        <source>{name}, {start} – {end}: covered by {other}</source>
        <translation>{name}, {start} – {end}; замещение: {other}</translation>
    </message>
    <message>
        <source>worked on by {name}</source>
        <translation>работал(а): {name}</translation>
    </message>
    <message>
        <source>Meanwhile</source>
        <translation>За это время</translation>
    </message>
    <message numerus="yes">
        <source>New families: %n</source>
        <translation>
            <numerusform>Новых семей: %n</numerusform>
            <numerusform>Новых семей: %n</numerusform>
            <numerusform>Новых семей: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Payments posted: {n}, {sum}; lessons charged: {debits}</source>
        <translation>Разнесено платежей: {n}, на {sum}; списано занятий: {debits}</translation>
    </message>
    <message numerus="yes">
        <source>Complaints: %n</source>
        <translation>
            <numerusform>Жалоб: %n</numerusform>
            <numerusform>Жалоб: %n</numerusform>
            <numerusform>Жалоб: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectionsEditor</name>
    <message>
        <source>New direction</source>
        <translation>Новое направление</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Places by default:</source>
        <translation>Мест по умолчанию:</translation>
    </message>
    <message>
        <source>Price by default, ₽:</source>
        <translation>Цена по умолчанию, ₽:</translation>
    </message>
    <message>
        <source>Minutes by default:</source>
        <translation>Минут по умолчанию:</translation>
    </message>
    <message>
        <source>Enter a price such as 1 200 or 1200,50.</source>
        <translation>Введите цену, например 1 200 или 1200,50.</translation>
    </message>
</context>
<context>
    <name>DryRunModel</name>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol into the lesson</source>
        <translation>Запись на занятие</translation>
    </message>
    <message>
        <source>Places: {enrolled} of {capacity} taken</source>
        <translation>Занято мест: {enrolled} из {capacity}</translation>
    </message>
    <message>
        <source>Family: name or phone digits</source>
        <translation>Семья: имя или цифры телефона</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Adults coming along:</source>
        <translation>Взрослые с ребёнком:</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Дети:</translation>
    </message>
    <message>
        <source>−10% sibling</source>
        <translation>−10% брату/сестре</translation>
    </message>
    <message>
        <source>adults: {amount}</source>
        <translation>взрослые: {amount}</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Итого: {amount}</translation>
    </message>
    <message>
        <source>The lesson is full: {free} places left. Put the children on the waitlist? The first on it gets a place when one frees up.</source>
        <translation>Мест нет (свободно: {free}). Поставить детей в лист ожидания? Первый в листе получит место, когда оно освободится.</translation>
    </message>
</context>
<context>
    <name>FamiliesView</name>
    <message>
        <source>Search: parent&apos;s or child&apos;s name, any digits of a phone (Ctrl+F)</source>
        <translation>Поиск: имя родителя или ребёнка, любые цифры телефона (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Любой этап</translation>
    </message>
    <message>
        <source>Families with a child at this stage (attended lessons)</source>
        <translation>Семьи, где у ребёнка этот этап (по посещённым занятиям)</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>Новая семья</translation>
    </message>
    <message>
        <source>New family (Ctrl+N)</source>
        <translation>Новая семья (Ctrl+N)</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) found</source>
        <translation>
            <numerusform>Найдена %n семья</numerusform>
            <numerusform>Найдено %n семьи</numerusform>
            <numerusform>Найдено %n семей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyCardView</name>
    <message>
        <source>Find a family on the left or add a new one.</source>
        <translation>Найдите семью слева или добавьте новую.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Edit the family (Ctrl+E)</source>
        <translation>Изменить данные семьи (Ctrl+E)</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <source>To feedback…</source>
        <translation>В обратную связь…</translation>
    </message>
    <message>
        <source>Into the feedback register: the note being typed, or the chosen entry, message or answer</source>
        <translation>В реестр обратной связи: набираемую заметку или выбранную запись, сообщение или ответ</translation>
    </message>
    <message>
        <source>Surveys and loyalty</source>
        <translation>Опросы и лояльность</translation>
    </message>
    <message>
        <source>Send a survey…</source>
        <translation>Отправить опрос…</translation>
    </message>
    <message>
        <source>Paper answer…</source>
        <translation>Бумажная анкета…</translation>
    </message>
    <message>
        <source>Loyalty signals…</source>
        <translation>Признаки лояльности…</translation>
    </message>
    <message>
        <source>A review, a mention, &quot;recommends us&quot;, a family they brought</source>
        <translation>Отзыв, упоминание, «рекомендуют нас», приведённая семья</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Записать…</translation>
    </message>
    <message>
        <source>Enrol the family&apos;s children into a lesson</source>
        <translation>Записать детей семьи на занятие</translation>
    </message>
    <message>
        <source>Call with a script</source>
        <translation>Позвонить по скрипту</translation>
    </message>
    <message>
        <source>A call guided by one of the studio&apos;s scripts: the answers stay on the card</source>
        <translation>Звонок по одному из скриптов студии: ответы сохранятся в карточке</translation>
    </message>
    <message>
        <source>Bring a child back</source>
        <translation>Вернуть ребёнка</translation>
    </message>
    <message>
        <source>A child who left comes back to the lists</source>
        <translation>Ушедший ребёнок вернётся в списки</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
    <message>
        <source>Export this family&apos;s data…</source>
        <translation>Выгрузить данные семьи…</translation>
    </message>
    <message>
        <source>Erase this family…</source>
        <translation>Удалить персональные данные…</translation>
    </message>
    <message>
        <source>Add a note to the timeline and press Enter</source>
        <translation>Заметка в ленту — напишите и нажмите Enter</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Лента</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <source>Calls by script</source>
        <translation>Звонки по скриптам</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Обратная связь</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Family without a name</source>
        <translation>Семья без имени</translation>
    </message>
    <message>
        <source>Child:</source>
        <translation>Ребёнок:</translation>
    </message>
    <message>
        <source>stage: {stage}</source>
        <translation>этап: {stage}</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferred channel: {c}</source>
        <translation>Удобный канал: {c}</translation>
    </message>
    <message>
        <source>Found us: {s}</source>
        <translation>Откуда узнали: {s}</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>сообщения</translation>
    </message>
    <message>
        <source>mailings</source>
        <translation>рассылки</translation>
    </message>
    <message>
        <source>Consent: {what}</source>
        <translation>Согласие: {what}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>с {date}</translation>
    </message>
    <message>
        <source>No consent to messages</source>
        <translation>Нет согласия на сообщения</translation>
    </message>
    <message>
        <source>NPS: {score} on {date}</source>
        <translation>NPS: {score} ({date})</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Легенда:</translation>
    </message>
    <message>
        <source>Left: {children}</source>
        <translation>Ушли: {children}</translation>
    </message>
    <message>
        <source>{name} (until {date})</source>
        <translation>{name} (до {date})</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>the desk</source>
        <translation>автоответ</translation>
    </message>
    <message>
        <source>Export this family&apos;s data</source>
        <translation>Выгрузка данных семьи</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Erase this family</source>
        <translation>Удаление персональных данных</translation>
    </message>
    <message>
        <source>Erase all personal data of {family}: names, contacts, children, notes, the timeline, conversations, applications and calls? Payments and the audit log stay under a pseudonym. This cannot be undone.</source>
        <translation>Стереть все персональные данные семьи {family}: имена, контакты, детей, заметки, историю, переписку, заявки и звонки? Платежи и журнал изменений останутся под псевдонимом. Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Стираем…</translation>
    </message>
    <message>
        <source>Another program has the database open: the erased data leaves its working file when that program closes.</source>
        <translation>База открыта в другой программе: стёртые данные уйдут из её рабочего файла, когда та программа закроется.</translation>
    </message>
    <message>
        <source>This user may not rewrite the tables on the studio&apos;s server: the erased data leaves the server&apos;s files when its administrator runs VACUUM FULL.</source>
        <translation>Этому пользователю нельзя перезаписывать таблицы на сервере студии: стёртые данные исчезнут из файлов сервера, когда его администратор выполнит VACUUM FULL.</translation>
    </message>
    <message>
        <source>The backup {file} still holds the family: it is deleted {when}.</source>
        <translation>В резервной копии {file} семья ещё есть: копия будет удалена {when}.</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>only by hand</source>
        <translation>только вручную</translation>
    </message>
    <message>
        <source>The family&apos;s personal data is erased.</source>
        <translation>Персональные данные семьи стёрты.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>FamilyEditor</name>
    <message>
        <source>Edit family</source>
        <translation>Редактирование семьи</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>Новая семья</translation>
    </message>
    <message>
        <source>Add a parent</source>
        <translation>Добавить родителя</translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation>Добавить ребёнка</translation>
    </message>
    <message>
        <source>e.g. a friend&apos;s advice, Yandex Maps</source>
        <translation>например, совет подруги, Яндекс.Карты</translation>
    </message>
    <message>
        <source>Why they came, what motivates them, what to remember</source>
        <translation>Почему пришли, что для них важно, что помнить</translation>
    </message>
    <message>
        <source>Agrees to receive messages</source>
        <translation>Согласие на сообщения</translation>
    </message>
    <message>
        <source>Agrees to receive mailings and offers</source>
        <translation>Согласие на рассылки и предложения</translation>
    </message>
    <message>
        <source>e.g. lessons, reminders, photos</source>
        <translation>например, занятия, напоминания, фото</translation>
    </message>
    <message>
        <source>Parents and guardians</source>
        <translation>Родители и опекуны</translation>
    </message>
    <message>
        <source>Children (name, birth date, notes)</source>
        <translation>Дети (имя, дата рождения, заметки)</translation>
    </message>
    <message>
        <source>About the family</source>
        <translation>О семье</translation>
    </message>
    <message>
        <source>How they found us:</source>
        <translation>Откуда узнали:</translation>
    </message>
    <message>
        <source>Preferred channel:</source>
        <translation>Удобный канал:</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Легенда:</translation>
    </message>
    <message>
        <source>Consent given on:</source>
        <translation>Дата согласия:</translation>
    </message>
    <message>
        <source>Consent purposes:</source>
        <translation>Цели согласия:</translation>
    </message>
    <message>
        <source>Unsaved input</source>
        <translation>Несохранённые данные</translation>
    </message>
    <message>
        <source>Desk closed while this form was being filled in. Restore what was typed?</source>
        <translation>Desk закрылся, пока форма заполнялась. Восстановить введённое?</translation>
    </message>
    <message>
        <source>Parent {n}</source>
        <translation>Родитель {n}</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>Ничего не сохранено: исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>{child} is enrolled in lessons to come:</source>
        <translation>Ребёнок {child} записан на будущие занятия:</translation>
    </message>
    <message>
        <source>Cancel these enrolments and move the child to those who left? The history stays, and the child can come back.</source>
        <translation>Отменить эти записи и перенести ребёнка в ушедшие? История сохранится, ребёнка можно будет вернуть.</translation>
    </message>
</context>
<context>
    <name>FamilyFeedback</name>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Обратная связь</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Listen to the voice note</source>
        <translation>Прослушать голосовое</translation>
    </message>
    <message>
        <source>The head teacher&apos;s feedback:</source>
        <translation>Обратная связь главного педагога:</translation>
    </message>
    <message>
        <source>The teacher&apos;s words:</source>
        <translation>Слова педагога:</translation>
    </message>
    <message>
        <source>After the copywriter:</source>
        <translation>После копирайтера:</translation>
    </message>
    <message>
        <source>Voice note: {name}</source>
        <translation>Голосовое: {name}</translation>
    </message>
    <message>
        <source>Sent {when}:</source>
        <translation>Отправлено {when}:</translation>
    </message>
</context>
<context>
    <name>FamilyListModel</name>
    <message>
        <source>Parents</source>
        <translation>Родители</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
</context>
<context>
    <name>FamilyPicker</name>
    <message>
        <source>Choose the family</source>
        <translation>Выбор семьи</translation>
    </message>
</context>
<context>
    <name>FeedbackArea</name>
    <message>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <source>Answers to clients</source>
        <translation>Ответы клиентам</translation>
    </message>
</context>
<context>
    <name>FeedbackDue</name>
    <message>
        <source>Open the feedback</source>
        <translation>Открыть обратную связь</translation>
    </message>
    <message>
        <source>Feedback due: {n} ({names})</source>
        <translation>Ждут обратной связи: {n} ({names})</translation>
    </message>
    <message>
        <source>late: {n}</source>
        <translation>просрочено: {n}</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>Waiting</source>
        <translation>Ждут</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Шаблон…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>What the teacher wrote or dictated</source>
        <translation>Что педагог написал или надиктовал</translation>
    </message>
    <message>
        <source>Give it to the copywriter first</source>
        <translation>Сначала отдать копирайтеру</translation>
    </message>
    <message>
        <source>Save the words</source>
        <translation>Сохранить слова</translation>
    </message>
    <message>
        <source>Copy for the copywriter</source>
        <translation>Скопировать для копирайтера</translation>
    </message>
    <message>
        <source>Paste the copywriter&apos;s text here</source>
        <translation>Вставьте сюда текст от копирайтера</translation>
    </message>
    <message>
        <source>Save the edited text</source>
        <translation>Сохранить отредактированный текст</translation>
    </message>
    <message>
        <source>Message to the parent…</source>
        <translation>Сообщение родителю…</translation>
    </message>
    <message>
        <source>Copywriter</source>
        <translation>Копирайтер</translation>
    </message>
    <message>
        <source>The teacher&apos;s words</source>
        <translation>Слова педагога</translation>
    </message>
    <message>
        <source>Choose a child on the left.</source>
        <translation>Выберите ребёнка в списке слева.</translation>
    </message>
    <message>
        <source>second · {stage}</source>
        <translation>вторая · {stage}</translation>
    </message>
    <message>
        <source>first · {direction}</source>
        <translation>первая · {direction}</translation>
    </message>
    <message>
        <source>Done in the last 30 days</source>
        <translation>Завершённые за 30 дней</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Обратная связь</translation>
    </message>
    <message>
        <source>Deadlines…</source>
        <translation>Сроки…</translation>
    </message>
    <message>
        <source>Camp feedback…</source>
        <translation>После лагеря…</translation>
    </message>
    <message>
        <source>Brief for the head teacher…</source>
        <translation>Карточка для главного педагога…</translation>
    </message>
    <message>
        <source>First feedback template</source>
        <translation>Шаблон первой обратной связи</translation>
    </message>
    <message>
        <source>Placeholders: {parent} — the parent&apos;s first name, {child} — the child&apos;s first name, {direction}, {teacher}, {words} — the teacher&apos;s words (or that a voice note follows), {studio} — the studio.</source>
        <translation>Подстановки: {parent} — имя родителя, {child} — имя ребёнка, {direction} — направление, {teacher} — педагог, {words} — слова педагога (или что следом придёт голосовое), {studio} — название студии.</translation>
    </message>
    <message>
        <source>lesson to come</source>
        <translation>занятие впереди</translation>
    </message>
    <message>
        <source>late</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <source>Second feedback: {child} — stage «{stage}»</source>
        <translation>Вторая обратная связь: {child} — этап «{stage}»</translation>
    </message>
    <message>
        <source>With the head teacher {teacher} since {when}</source>
        <translation>У главного педагога ({teacher}) с {when}</translation>
    </message>
    <message>
        <source>{child} — «{direction}», {when}, teacher {teacher}</source>
        <translation>{child} — «{direction}», {when}, педагог {teacher}</translation>
    </message>
    <message>
        <source>The head teacher&apos;s feedback after the call</source>
        <translation>Обратная связь главного педагога после звонка</translation>
    </message>
    <message>
        <source>What the head teacher learned on the call: goals, doubts, wishes, the child&apos;s results</source>
        <translation>Что главный педагог узнал на звонке: цели, сомнения, пожелания, успехи ребёнка</translation>
    </message>
    <message>
        <source>Record and close</source>
        <translation>Записать и закрыть</translation>
    </message>
    <message>
        <source>Sent {when}</source>
        <translation>Отправлено {when}</translation>
    </message>
    <message>
        <source>Recorded {when}</source>
        <translation>Записано {when}</translation>
    </message>
    <message>
        <source>Late: was due by {when}</source>
        <translation>Просрочено: нужно было до {when}</translation>
    </message>
    <message>
        <source>Due by {when}</source>
        <translation>Нужно до {when}</translation>
    </message>
    <message>
        <source>Sent to the parent:</source>
        <translation>Отправлено родителю:</translation>
    </message>
</context>
<context>
    <name>FinanceView</name>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>На 7 дней</translation>
    </message>
    <message>
        <source>Short by</source>
        <translation>Не хватает</translation>
    </message>
    <message>
        <source>Remind the selected families</source>
        <translation>Напомнить выбранным семьям</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Выгрузить в Excel…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Method or direction</source>
        <translation>Способ или направление</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Операции</translation>
    </message>
    <message>
        <source>Wallet control: negative or not enough for the coming week</source>
        <translation>Контроль кошельков: минус или не хватает на ближайшую неделю</translation>
    </message>
    <message>
        <source>Finance report from</source>
        <translation>Финансовый отчёт с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) to remind</source>
        <translation>
            <numerusform>Напомнить %n семье</numerusform>
            <numerusform>Напомнить %n семьям</numerusform>
            <numerusform>Напомнить %n семьям</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reminders for the Communicator: %n</source>
        <translation>
            <numerusform>Напоминаний для Коммуникатора: %n</numerusform>
            <numerusform>Напоминаний для Коммуникатора: %n</numerusform>
            <numerusform>Напоминаний для Коммуникатора: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) already have an open reminder this week.</source>
        <translation>
            <numerusform>У %n семьи уже есть открытое напоминание на этой неделе.</numerusform>
            <numerusform>У %n семей уже есть открытое напоминание на этой неделе.</numerusform>
            <numerusform>У %n семей уже есть открытое напоминание на этой неделе.</numerusform>
        </translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <source>Export the finance report</source>
        <translation>Выгрузка финансового отчёта</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Finance report</source>
        <translation>Финансовый отчёт</translation>
    </message>
    <message>
        <source>Amount, ₽</source>
        <translation>Сумма, ₽</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Итоги</translation>
    </message>
</context>
<context>
    <name>GreetingsView</name>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Скопировать текст</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Through the family&apos;s e-mail or Telegram, not before 10:00</source>
        <translation>Через e-mail или Telegram семьи, не раньше 10:00</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Отметить отправленным</translation>
    </message>
    <message>
        <source>Edit the template</source>
        <translation>Изменить шаблон</translation>
    </message>
    <message>
        <source>For children…</source>
        <translation>Для детей…</translation>
    </message>
    <message>
        <source>For parents…</source>
        <translation>Для родителей…</translation>
    </message>
    <message>
        <source>{name} (parent)</source>
        <translation>{name} (родитель)</translation>
    </message>
    <message>
        <source>Message (you can change it before sending)</source>
        <translation>Сообщение (можно поправить перед отправкой)</translation>
    </message>
</context>
<context>
    <name>GuardianBox</name>
    <message>
        <source>Surname First name</source>
        <translation>Фамилия Имя</translation>
    </message>
    <message>
        <source>For the birthday greeting; leave empty if unknown</source>
        <translation>Для поздравления с днём рождения; оставьте пустым, если неизвестно</translation>
    </message>
    <message>
        <source>Open that family</source>
        <translation>Открыть эту семью</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Who is it:</source>
        <translation>Кем приходится:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Telegram:</source>
        <translation>Telegram:</translation>
    </message>
    <message>
        <source>VK:</source>
        <translation>ВКонтакте:</translation>
    </message>
    <message>
        <source>WhatsApp:</source>
        <translation>WhatsApp:</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>День рождения:</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over work</source>
        <translation>Передача дел</translation>
    </message>
    <message>
        <source>A word for the substitute (optional)</source>
        <translation>Комментарий для замещающего (необязательно)</translation>
    </message>
    <message>
        <source>Whose work:</source>
        <translation>Чьи дела:</translation>
    </message>
    <message>
        <source>Who covers:</source>
        <translation>Кто замещает:</translation>
    </message>
    <message>
        <source>back on</source>
        <translation>выход на работу</translation>
    </message>
    <message>
        <source>Away from:</source>
        <translation>Отсутствует с:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Due or waiting since</source>
        <translation>Срок или ждёт с</translation>
    </message>
    <message>
        <source>Your word on it</source>
        <translation>Примечание (двойной щелчок)</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Передать</translation>
    </message>
    <message>
        <source>{name} is away (back on {day}), and {other} covers them: choose someone who is in.</source>
        <translation>{name} сейчас отсутствует (выход {day}), и замещает её (его) {other}: выберите того, кто будет на месте.</translation>
    </message>
    <message>
        <source>{name} is away (back on {day}): the work goes to the one covering, {other}.</source>
        <translation>{name} сейчас отсутствует (выход {day}): дела перейдут к тому, кто замещает, — {other}.</translation>
    </message>
    <message numerus="yes">
        <source>What moves to the substitute: %n item(s)</source>
        <translation>
            <numerusform>Перейдёт к замещающему: %n дело</numerusform>
            <numerusform>Перейдёт к замещающему: %n дела</numerusform>
            <numerusform>Перейдёт к замещающему: %n дел</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing open to hand over: the handover is still recorded for the days away.</source>
        <translation>Открытых дел нет: передача всё равно будет записана на дни отсутствия.</translation>
    </message>
</context>
<context>
    <name>HandoversDialog</name>
    <message>
        <source>Handovers</source>
        <translation>Передачи дел</translation>
    </message>
    <message>
        <source>Whose work</source>
        <translation>Чьи дела</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Замещает</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Выход на работу</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Передано дел</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Due or waiting since</source>
        <translation>Срок или ждёт с</translation>
    </message>
    <message>
        <source>Word on it</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>What became of it</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Hand over work…</source>
        <translation>Передать дела…</translation>
    </message>
    <message>
        <source>I&apos;m back</source>
        <translation>Я вернулся(ась)</translation>
    </message>
    <message>
        <source>Ends the handover now: what nobody worked on goes back</source>
        <translation>Завершить передачу сейчас: то, за что никто не брался, вернётся</translation>
    </message>
    <message>
        <source>Brief…</source>
        <translation>Лист передачи…</translation>
    </message>
    <message>
        <source>While you were away…</source>
        <translation>Пока вас не было…</translation>
    </message>
    <message>
        <source>{chosen} (now {other})</source>
        <translation>{chosen} (сейчас {other})</translation>
    </message>
    <message>
        <source>End it early…</source>
        <translation>Завершить досрочно…</translation>
    </message>
    <message>
        <source> ({name})</source>
        <translation> ({name})</translation>
    </message>
    <message>
        <source>End the handover of {name}&apos;s work now? What nobody worked on goes back to {name}; what {other} worked on stays with them.</source>
        <translation>Завершить передачу дел ({name}) сейчас? То, за что никто не брался, вернётся к {name}; то, над чем работал(а) {other}, останется у него(неё).</translation>
    </message>
</context>
<context>
    <name>HealthAlerts</name>
    <message>
        <source>Open the channels&apos; state</source>
        <translation>Открыть состояние каналов</translation>
    </message>
    <message>
        <source>{channel}: {state} since {time}</source>
        <translation>{channel}: {state} с {time}</translation>
    </message>
    <message>
        <source>{channel}: working again</source>
        <translation>{channel}: снова работает</translation>
    </message>
    <message>
        <source>Channels — </source>
        <translation>Каналы — </translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <source>Channels: state</source>
        <translation>Каналы: состояние</translation>
    </message>
    <message>
        <source>Remove webhook…</source>
        <translation>Удалить вебхук…</translation>
    </message>
    <message>
        <source>Telegram delivers the bot&apos;s messages to that address instead of Desk; removing it lets Desk receive them again (what waits is kept)</source>
        <translation>Telegram отдаёт сообщения бота на этот адрес вместо Desk; после удаления Desk снова их получает (ожидающие сохраняются)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>No checks yet: the desk that receives the messages checks every channel every five minutes.</source>
        <translation>Проверок ещё не было: компьютер, который принимает сообщения, проверяет каждый канал раз в пять минут.</translation>
    </message>
    <message>
        <source>All channels work.</source>
        <translation>Все каналы работают.</translation>
    </message>
    <message>
        <source>Needs attention: {channels}.</source>
        <translation>Требует внимания: {channels}.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <source>({silent} without a message; usually at most {usual})</source>
        <translation>({silent} без сообщений; обычно не больше {usual})</translation>
    </message>
    <message>
        <source>yes, in {ms} ms</source>
        <translation>да, за {ms} мс</translation>
    </message>
    <message>
        <source>no: {reason}</source>
        <translation>нет: {reason}</translation>
    </message>
    <message>
        <source>Answers (getMe, login):</source>
        <translation>Бот отвечает (getMe):</translation>
    </message>
    <message>
        <source>Answers (login):</source>
        <translation>Ящик отвечает (вход):</translation>
    </message>
    <message>
        <source>Updates waiting:</source>
        <translation>В очереди Telegram:</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>Вебхук:</translation>
    </message>
    <message>
        <source>set to {host} by someone else: Desk cannot receive the bot&apos;s messages while it is set</source>
        <translation>кто-то установил его на {host}: пока он есть, Desk не получает сообщения бота</translation>
    </message>
    <message>
        <source>an address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>none (Desk receives by polling)</source>
        <translation>нет (Desk получает сам, опросом)</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Последняя ошибка:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>{when}: {what}</source>
        <translation>{when}: {what}</translation>
    </message>
    <message>
        <source>Last poll:</source>
        <translation>Последний опрос:</translation>
    </message>
    <message>
        <source>Last incoming message:</source>
        <translation>Последнее входящее:</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>ждут отправки: {n}</translation>
    </message>
    <message>
        <source>the oldest since {when}</source>
        <translation>самое старое — {when}</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>ничего не ждёт</translation>
    </message>
    <message>
        <source>Outbox:</source>
        <translation>Исходящие:</translation>
    </message>
    <message>
        <source>{failures} failures, {limits} times “too many requests” (429)</source>
        <translation>сбоев: {failures}, «слишком много запросов»: {limits}</translation>
    </message>
    <message>
        <source>asked to wait up to {s} s</source>
        <translation>просили подождать до {s} с</translation>
    </message>
    <message>
        <source>In the last hour:</source>
        <translation>За последний час:</translation>
    </message>
    <message>
        <source>Receives:</source>
        <translation>Принимает:</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>этот компьютер</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>Проверено:</translation>
    </message>
    <message>
        <source>The last {n} days, hour by hour: the worst state checked in each hour</source>
        <translation>Последние {n} дн. по часам: худшее состояние за каждый час</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>История:</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>меньше минуты</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} мин</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <source>{d} days</source>
        <translation>{d} дн.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>just now ({time})</source>
        <translation>только что ({time})</translation>
    </message>
    <message>
        <source>{span} ago ({time})</source>
        <translation>{span} назад ({time})</translation>
    </message>
    <message>
        <source>Remove webhook</source>
        <translation>Удалить вебхук</translation>
    </message>
    <message>
        <source>Remove the bot&apos;s webhook? Whoever set it stops receiving the bot&apos;s messages, and Desk receives them again.</source>
        <translation>Удалить вебхук бота? Тот, кто его установил, перестанет получать сообщения бота, а Desk снова начнёт их получать.</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <source>Working hours</source>
        <translation>Часы работы</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After a break</source>
        <translation>После перерыва</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Каждую неделю</translation>
    </message>
    <message>
        <source>e.g. New Year</source>
        <translation>например, Новый год</translation>
    </message>
    <message>
        <source>Add a day off</source>
        <translation>Добавить выходной</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Выходные дни</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import families</source>
        <translation>Импорт семей</translation>
    </message>
    <message>
        <source>CSV or XLSX file, one row per child</source>
        <translation>Файл CSV или XLSX, по строке на ребёнка</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Columns: Родитель, Телефон, Email, Telegram, Ребёнок, Дата рождения, Источник, Заметки (or their English names).</source>
        <translation>Столбцы: Родитель, Телефон, Email, Telegram, Ребёнок, Дата рождения, Источник, Заметки (можно и английские названия).</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Родитель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>The phone&apos;s family</source>
        <translation>Семья с этим телефоном</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Phone of another family</source>
        <translation>Телефон другой семьи</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the bad ones</source>
        <translation>Загрузить верные строки, ошибочные пропустить</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Проверяю файл…</translation>
    </message>
    <message>
        <source>Errors ({n})</source>
        <translation>Ошибки ({n})</translation>
    </message>
    <message numerus="yes">
        <source>New: %n family(ies)</source>
        <translation>
            <numerusform>Новых: %n семья</numerusform>
            <numerusform>Новых: %n семьи</numerusform>
            <numerusform>Новых: %n семей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n ребёнок</numerusform>
            <numerusform>%n ребёнка</numerusform>
            <numerusform>%n детей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have the phone of a family with another parent: choose for each whether to add the child there or skip the row.</source>
        <translation>
            <numerusform>В %n строке телефон семьи с другим родителем: выберите, добавить ребёнка в ту семью или пропустить строку.</numerusform>
            <numerusform>В %n строках телефон семьи с другим родителем: выберите для каждой, добавить ребёнка в ту семью или пропустить строку.</numerusform>
            <numerusform>В %n строках телефон семьи с другим родителем: выберите для каждой, добавить ребёнка в ту семью или пропустить строку.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors: nothing is imported unless you skip them.</source>
        <translation>
            <numerusform>%n строка с ошибкой: без пропуска ошибочных ничего не загрузится.</numerusform>
            <numerusform>%n строки с ошибками: без пропуска ошибочных ничего не загрузится.</numerusform>
            <numerusform>%n строк с ошибками: без пропуска ошибочных ничего не загрузится.</numerusform>
        </translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>Add the child to that family</source>
        <translation>Добавить ребёнка в ту семью</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Пропустить строку</translation>
    </message>
    <message>
        <source>Phone of another family ({n})</source>
        <translation>Телефон другой семьи ({n})</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n new family(ies)</source>
        <translation>
            <numerusform>Загружено: %n новая семья</numerusform>
            <numerusform>Загружено: %n новые семьи</numerusform>
            <numerusform>Загружено: %n новых семей</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не загружено.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Отложенные</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <source>Write down a message…</source>
        <translation>Записать сообщение…</translation>
    </message>
    <message>
        <source>A message from WhatsApp, VK, Instagram or the phone</source>
        <translation>Сообщение из WhatsApp, ВКонтакте, Instagram или с телефона</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Open the family</source>
        <translation>Открыть семью</translation>
    </message>
    <message>
        <source>Link to a family…</source>
        <translation>Привязать к семье…</translation>
    </message>
    <message>
        <source>A teacher…</source>
        <translation>Это педагог…</translation>
    </message>
    <message>
        <source>The one writing is a teacher of the studio: the bot keeps their chat, so the desk can write to them</source>
        <translation>Пишет педагог студии: бот запомнит его чат, и Desk сможет писать ему</translation>
    </message>
    <message>
        <source>New family…</source>
        <translation>Новая семья…</translation>
    </message>
    <message>
        <source>Canned reply…</source>
        <translation>Готовый ответ…</translation>
    </message>
    <message>
        <source>Answer… (Ctrl+Enter sends)</source>
        <translation>Ответ… (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Прикрепить файл…</translation>
    </message>
    <message>
        <source>as a voice note</source>
        <translation>голосовым сообщением</translation>
    </message>
    <message>
        <source>ongoing conversation</source>
        <translation>идёт переписка</translation>
    </message>
    <message>
        <source>Goes at once even in quiet hours (22:00–8:00)</source>
        <translation>Уйдёт сразу, даже в тихие часы (22:00–8:00)</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>срочно</translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation>Отправить позже…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>“Answering in a minute”</source>
        <translation>«Ответим через минуту»</translation>
    </message>
    <message>
        <source>Send the studio&apos;s holding reply at once</source>
        <translation>Сразу отправить ответ «уже читаем»</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <source>for 30 minutes</source>
        <translation>на 30 минут</translation>
    </message>
    <message>
        <source>for an hour</source>
        <translation>на час</translation>
    </message>
    <message>
        <source>for 3 hours</source>
        <translation>на 3 часа</translation>
    </message>
    <message>
        <source>until tomorrow morning</source>
        <translation>до завтрашнего утра</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Закрыть…</translation>
    </message>
    <message>
        <source>To feedback…</source>
        <translation>В обратную связь…</translation>
    </message>
    <message>
        <source>Put the chosen message (or the client&apos;s last one) into the feedback register</source>
        <translation>Внести выбранное сообщение (или последнее сообщение клиента) в реестр обратной связи</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to go: %n</source>
        <translation>
            <numerusform>Ждут отправки: %n</numerusform>
            <numerusform>Ждут отправки: %n</numerusform>
            <numerusform>Ждут отправки: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not delivered: %n</source>
        <translation>
            <numerusform>Не доставлено: %n</numerusform>
            <numerusform>Не доставлено: %n</numerusform>
            <numerusform>Не доставлено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No conversation chosen</source>
        <translation>Диалог не выбран</translation>
    </message>
    <message>
        <source>{when} — client</source>
        <translation>{when} — клиент</translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation>✓ доставлено</translation>
    </message>
    <message>
        <source>(written down)</source>
        <translation>(записано вручную)</translation>
    </message>
    <message>
        <source>✗ not delivered: {reason} (double-click to send again)</source>
        <translation>✗ не доставлено: {reason} (двойной щелчок — отправить ещё раз)</translation>
    </message>
    <message>
        <source>? delivery not confirmed: {reason} (double-click to decide)</source>
        <translation>? доставка не подтверждена: {reason} (двойной щелчок — решить)</translation>
    </message>
    <message>
        <source>… handing over</source>
        <translation>… передаём</translation>
    </message>
    <message>
        <source>✗ cancelled</source>
        <translation>✗ отменено</translation>
    </message>
    <message>
        <source>⟳ retrying ({n}): {reason}</source>
        <translation>⟳ повторяем ({n}): {reason}</translation>
    </message>
    <message>
        <source>🕗 goes at {when}</source>
        <translation>🕗 уйдёт {when}</translation>
    </message>
    <message>
        <source>… sending</source>
        <translation>… отправляется</translation>
    </message>
    <message>
        <source>Goes at {when}</source>
        <translation>Уйдёт {when}</translation>
    </message>
    <message>
        <source>Fill in the template</source>
        <translation>Заполните шаблон</translation>
    </message>
    <message>
        <source>Value for {%s}:</source>
        <translation>Значение для {%s}:</translation>
    </message>
    <message>
        <source>Date and time:</source>
        <translation>Дата и время:</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Прикрепить файл</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Отправить позже</translation>
    </message>
    <message>
        <source>Send at:</source>
        <translation>Отправить:</translation>
    </message>
    <message>
        <source>A teacher is writing</source>
        <translation>Пишет педагог</translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation>Педагог:</translation>
    </message>
    <message>
        <source>Close the conversation</source>
        <translation>Закрыть диалог</translation>
    </message>
    <message>
        <source>Was the question resolved in this contact?</source>
        <translation>Вопрос решён в этом обращении?</translation>
    </message>
    <message>
        <source>Yes, resolved</source>
        <translation>Да, решён</translation>
    </message>
    <message>
        <source>No, not yet</source>
        <translation>Нет, ещё нет</translation>
    </message>
    <message>
        <source>No answer needed (thanks, a sticker)</source>
        <translation>Ответ не нужен (спасибо, стикер)</translation>
    </message>
    <message>
        <source>Answered elsewhere (by phone, in person)</source>
        <translation>Ответили иначе (по телефону, лично)</translation>
    </message>
    <message>
        <source>Spam or a mistake</source>
        <translation>Спам или ошибка</translation>
    </message>
    <message>
        <source>Close without an answer</source>
        <translation>Закрыть без ответа</translation>
    </message>
    <message>
        <source>The client has not been answered here. Why close the conversation?</source>
        <translation>Клиенту здесь не ответили. Почему закрываем переписку?</translation>
    </message>
    <message>
        <source>Delivery not confirmed</source>
        <translation>Доставка не подтверждена</translation>
    </message>
    <message>
        <source>The channel did not answer when this message was handed over, so it may have arrived. Check with the client (or in the messenger), then choose. Sending it again may give the client a second copy.</source>
        <translation>Канал не ответил, когда мы передавали это сообщение, поэтому оно могло дойти. Уточните у клиента (или посмотрите в мессенджере) и выберите. Если отправить ещё раз, клиент может получить второй экземпляр.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Отправить ещё раз</translation>
    </message>
    <message>
        <source>It arrived</source>
        <translation>Оно дошло</translation>
    </message>
</context>
<context>
    <name>Indices</name>
    <message>
        <source>% promoters (9–10) − % detractors (0–6), over each family&apos;s latest answer in the month (surveys and script calls; siblings are one family); an answer matched to no family counts on its own. ± is the 95% margin of error.</source>
        <translation>% промоутеров (9–10) − % критиков (0–6) по последнему ответу каждой семьи за месяц (опросы и звонки по скрипту; братья и сёстры — одна семья); ответ без семьи считается отдельно. ± — погрешность с доверием 95%.</translation>
    </message>
    <message>
        <source>Σ weight × (mean − lowest) / (highest − lowest) × 100 over the satisfaction items answered in the month; the weights come from the items&apos; importance, an item without answers is left out.</source>
        <translation>Σ вес × (среднее − минимум) / (максимум − минимум) × 100 по показателям удовлетворённости, оценённым за месяц; веса — по важности показателей, показатель без оценок не учитывается.</translation>
    </message>
    <message>
        <source>Share of answers 4 or 5 to the 1–5 satisfaction question; every answer counts.</source>
        <translation>Доля ответов 4 и 5 на вопрос об удовлетворённости по шкале 1–5; учитывается каждый ответ.</translation>
    </message>
    <message>
        <source>At close: conversations closed with &quot;resolved in this contact: yes&quot; among those closed with an answer. No re-contact: contacts the client started, closed in the month, with no new contact from the family within 72 hours (younger ones are not counted yet).</source>
        <translation>При закрытии: доля диалогов, закрытых с отметкой «решено в этом обращении: да», среди закрытых с отметкой. Без повторного обращения: доля обращений клиента, закрытых за месяц, после которых семья не обращалась снова 72 часа (более свежие пока не считаются).</translation>
    </message>
    <message>
        <source>The first answer to a client, in working time: the median and the 90th percentile, and the share answered within 60 seconds. The holding and after-hours replies do not stop the clock.</source>
        <translation>Первый ответ клиенту в рабочее время: медиана и 90-й процентиль, доля ответов за 60 секунд. Ответ «уже читаем» и автоответ в нерабочее время часы не останавливают.</translation>
    </message>
    <message>
        <source>Came again: of the children whose first lesson fell in the month, the share back within 30 days. Churn: of the families who came the month before, the share who did not come in this month.</source>
        <translation>Пришли снова: доля детей с первым занятием в этом месяце, вернувшихся в течение 30 дней. Отток: доля семей, ходивших в прошлом месяце и не пришедших в этом.</translation>
    </message>
    <message>
        <source>(not signed)</source>
        <translation>(без подписи)</translation>
    </message>
    <message>
        <source>script call</source>
        <translation>звонок по скрипту</translation>
    </message>
</context>
<context>
    <name>IndicesView</name>
    <message>
        <source>Every survey</source>
        <translation>Все опросы</translation>
    </message>
    <message>
        <source>Every direction</source>
        <translation>Все направления</translation>
    </message>
    <message>
        <source>Every teacher</source>
        <translation>Все педагоги</translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Отчёт за месяц</translation>
    </message>
    <message>
        <source>The month&apos;s report for marketing: every index with its trend, sources, loyalty, reasons for leaving, the register</source>
        <translation>Отчёт месяца для маркетинга: все показатели с динамикой, источники, лояльность, причины ухода, реестр</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Excel (XLSX)…</source>
        <translation>Excel (XLSX)…</translation>
    </message>
    <message>
        <source>CSI — satisfaction</source>
        <translation>CSI — удовлетворённость</translation>
    </message>
    <message>
        <source>CSAT — satisfied</source>
        <translation>CSAT — довольны</translation>
    </message>
    <message>
        <source>FCR — solved at once</source>
        <translation>FCR — решено сразу</translation>
    </message>
    <message>
        <source>First answer</source>
        <translation>Первый ответ</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <source>CSI and CSAT, %</source>
        <translation>CSI и CSAT, %</translation>
    </message>
    <message>
        <source>FCR, %</source>
        <translation>FCR, %</translation>
    </message>
    <message>
        <source>Answered within 60 s, %</source>
        <translation>Ответ за 60 с, %</translation>
    </message>
    <message>
        <source>Came again and churn, %</source>
        <translation>Пришли снова и отток, %</translation>
    </message>
    <message>
        <source>Family&apos;s card</source>
        <translation>Карточка семьи</translation>
    </message>
    <message>
        <source>Feedback item</source>
        <translation>Отзыв в реестре</translation>
    </message>
    <message>
        <source>The answer&apos;s item in the feedback register</source>
        <translation>Запись этого ответа в реестре отзывов</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Медиана</translation>
    </message>
    <message>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <source>Within 60 s</source>
        <translation>За 60 с</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Came again</source>
        <translation>Пришли снова</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>Отток</translation>
    </message>
    <message>
        <source>Reasons for leaving</source>
        <translation>Причины ухода</translation>
    </message>
    <message>
        <source>Loyalty signals</source>
        <translation>Признаки лояльности</translation>
    </message>
    <message>
        <source>New families</source>
        <translation>Новые семьи</translation>
    </message>
    <message>
        <source>Answer speed</source>
        <translation>Скорость ответа</translation>
    </message>
    <message>
        <source>Retention and loyalty</source>
        <translation>Удержание и лояльность</translation>
    </message>
    <message>
        <source>one survey&apos;s answers (script calls left out)</source>
        <translation>ответы одного опроса (без звонков по скрипту)</translation>
    </message>
    <message>
        <source>families who came to its lessons in the 90 days up to the month&apos;s end</source>
        <translation>семьи, бывавшие на его занятиях за 90 дней до конца месяца</translation>
    </message>
    <message>
        <source>FCR and answer times in this channel only</source>
        <translation>FCR и скорость ответа только в этом канале</translation>
    </message>
    <message>
        <source>Narrowed to: {what}.</source>
        <translation>Отбор: {what}.</translation>
    </message>
    <message>
        <source>Answers in {month}</source>
        <translation>Ответы: {month}</translation>
    </message>
    <message>
        <source>{month}: NPS {score}, n = {n}, ± {moe}</source>
        <translation>{month}: NPS {score}, n = {n}, ± {moe}</translation>
    </message>
    <message>
        <source>{month}: CSI {csi} (n = {a}), CSAT {csat} (n = {b})</source>
        <translation>{month}: CSI {csi} (n = {a}), CSAT {csat} (n = {b})</translation>
    </message>
    <message>
        <source>at close</source>
        <translation>при закрытии</translation>
    </message>
    <message>
        <source>no re-contact</source>
        <translation>без повторного обращения</translation>
    </message>
    <message>
        <source>{month}: at close {a} (n = {n}), no re-contact {b} (n = {m})</source>
        <translation>{month}: при закрытии {a} (n = {n}), без повторного обращения {b} (n = {m})</translation>
    </message>
    <message>
        <source>within 60 s</source>
        <translation>за 60 с</translation>
    </message>
    <message>
        <source>came again</source>
        <translation>пришли снова</translation>
    </message>
    <message>
        <source>churn</source>
        <translation>отток</translation>
    </message>
    <message>
        <source>{month}: came again {a} of {n}, churn {l} of {b}</source>
        <translation>{month}: пришли снова {a} из {n}, отток {l} из {b}</translation>
    </message>
    <message>
        <source>n = {n}: promoters {p}, passives {a}, detractors {d}; ± {moe}</source>
        <translation>n = {n}: промоутеры {p}, нейтральные {a}, критики {d}; ± {moe}</translation>
    </message>
    <message>
        <source>Too few answers (fewer than 30)</source>
        <translation>Слишком мало ответов (меньше 30)</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>нет ответов</translation>
    </message>
    <message>
        <source>n = {n}; {items}</source>
        <translation>n = {n}; {items}</translation>
    </message>
    <message>
        <source>at close, n = {n}; no re-contact {b} (n = {m})</source>
        <translation>при закрытии, n = {n}; без повторного обращения {b} (n = {m})</translation>
    </message>
    <message>
        <source>median; 90%: {p90}; within 60 s: {share}; n = {n}</source>
        <translation>медиана; 90%: {p90}; за 60 с: {share}; n = {n}</translation>
    </message>
    <message>
        <source>came again: {a} of {n} (waiting: {w}); churn {c} ({l} of {b})</source>
        <translation>пришли снова: {a} из {n} (ждём: {w}); отток {c} ({l} из {b})</translation>
    </message>
    <message>
        <source>The month is not over yet</source>
        <translation>Месяц ещё не закончился</translation>
    </message>
    <message>
        <source>(the latest {n} of {total})</source>
        <translation>(последние {n} из {total})</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>По каналам</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>По сотрудникам</translation>
    </message>
    <message>
        <source>the desk</source>
        <translation>стойка</translation>
    </message>
    <message>
        <source>By hour the client wrote</source>
        <translation>По часу обращения</translation>
    </message>
    <message>
        <source>report {month}</source>
        <translation>отчёт {month}</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The report is saved: {path}</source>
        <translation>Отчёт сохранён: {path}</translation>
    </message>
</context>
<context>
    <name>InvitesModel</name>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>To the feedback register</source>
        <translation>В реестр обратной связи</translation>
    </message>
    <message>
        <source>The client&apos;s words, as they said them</source>
        <translation>Слова клиента — так, как он сказал</translation>
    </message>
    <message>
        <source>The client waits for an answer</source>
        <translation>Клиент ждёт ответа</translation>
    </message>
    <message>
        <source>A negative item always opens a case for the Communicator</source>
        <translation>Негативный отзыв всегда открывает случай для Коммуникатора</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Слова:</translation>
    </message>
    <message>
        <source>Tone:</source>
        <translation>Тон:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Теги:</translation>
    </message>
    <message>
        <source>Child:</source>
        <translation>Ребёнок:</translation>
    </message>
    <message>
        <source>About a teacher:</source>
        <translation>О педагоге:</translation>
    </message>
    <message>
        <source>About a colleague:</source>
        <translation>О сотруднике:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Направление:</translation>
    </message>
</context>
<context>
    <name>ItemStatus</name>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>in work</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>сделано</translation>
    </message>
    <message>
        <source>clients told</source>
        <translation>клиентам сообщили</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказали</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Тон</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О ком</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>{name} (for {colleague})</source>
        <translation>{name} (за коллегу: {colleague})</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>System person</source>
        <translation>Человек-Система</translation>
    </message>
    <message>
        <source>Communicator</source>
        <translation>Коммуникатор</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>VK</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>мама</translation>
    </message>
    <message>
        <source>father</source>
        <translation>папа</translation>
    </message>
    <message>
        <source>grandmother</source>
        <translation>бабушка</translation>
    </message>
    <message>
        <source>grandfather</source>
        <translation>дедушка</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>опекун</translation>
    </message>
    <message>
        <source>other relative</source>
        <translation>другой родственник</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <source>Lesson debit</source>
        <translation>Списание за занятие</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <source>Card transfer</source>
        <translation>Перевод на карту</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Мастерская</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>Лагерь</translation>
    </message>
    <message>
        <source>Hike</source>
        <translation>Поход</translation>
    </message>
    <message>
        <source>Holiday party</source>
        <translation>Праздник</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>без отметки</translation>
    </message>
    <message>
        <source>came</source>
        <translation>пришёл</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>не пришёл</translation>
    </message>
    <message>
        <source>cancelled by client</source>
        <translation>отменил клиент</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Family added</source>
        <translation>Семья добавлена</translation>
    </message>
    <message>
        <source>Card edited</source>
        <translation>Карточка изменена</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>Персональные данные удалены</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Обратная связь</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Студия</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Семьи</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Демо-данные</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Database lock</source>
        <translation>Блокировка базы</translation>
    </message>
    <message>
        <source>Wallets</source>
        <translation>Кошельки</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Записи на занятия</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Посещаемость</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Call scripts</source>
        <translation>Скрипты звонков</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Непришедшие</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>Дни рождения</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Опросы</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Часы работы</translation>
    </message>
    <message>
        <source>Mailings</source>
        <translation>Рассылки</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>На месте</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Лояльность</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Чек-листы</translation>
    </message>
    <message>
        <source>Call and chat quality</source>
        <translation>Качество звонков и переписки</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Передачи дел</translation>
    </message>
    <message>
        <source>Studio set up</source>
        <translation>Студия настроена</translation>
    </message>
    <message>
        <source>Studio and staff changed</source>
        <translation>Изменены студия и сотрудники</translation>
    </message>
    <message>
        <source>Message cancelled</source>
        <translation>Сообщение отменено</translation>
    </message>
    <message>
        <source>Message marked as arrived</source>
        <translation>Сообщение отмечено как дошедшее</translation>
    </message>
    <message>
        <source>Family edited</source>
        <translation>Семья изменена</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Добавлена заметка</translation>
    </message>
    <message>
        <source>Task created</source>
        <translation>Задача создана</translation>
    </message>
    <message>
        <source>Task edited</source>
        <translation>Задача изменена</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>Задача выполнена</translation>
    </message>
    <message>
        <source>Task reopened</source>
        <translation>Задача снова открыта</translation>
    </message>
    <message>
        <source>Task cancelled</source>
        <translation>Задача отменена</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Созданы демо-данные</translation>
    </message>
    <message>
        <source>A child came back</source>
        <translation>Ребёнок вернулся</translation>
    </message>
    <message>
        <source>Families imported</source>
        <translation>Импорт семей</translation>
    </message>
    <message>
        <source>Lock broken</source>
        <translation>Блокировка снята</translation>
    </message>
    <message>
        <source>Wallet topped up</source>
        <translation>Пополнение кошелька</translation>
    </message>
    <message>
        <source>Wallet debited</source>
        <translation>Списание</translation>
    </message>
    <message>
        <source>Absence charging changed</source>
        <translation>Изменено списание за пропуски</translation>
    </message>
    <message>
        <source>Call logged</source>
        <translation>Записан звонок</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>Получена заявка</translation>
    </message>
    <message>
        <source>Application status changed</source>
        <translation>Изменён статус заявки</translation>
    </message>
    <message>
        <source>Application linked to a family</source>
        <translation>Заявка привязана к семье</translation>
    </message>
    <message>
        <source>Call to a lapsed client</source>
        <translation>Звонок непришедшим</translation>
    </message>
    <message>
        <source>Birthday greeting sent</source>
        <translation>Отправлено поздравление с днём рождения</translation>
    </message>
    <message>
        <source>Template changed</source>
        <translation>Изменён шаблон</translation>
    </message>
    <message>
        <source>Message written down</source>
        <translation>Записано сообщение</translation>
    </message>
    <message>
        <source>Answer in a conversation</source>
        <translation>Ответ в диалоге</translation>
    </message>
    <message>
        <source>Conversation snoozed</source>
        <translation>Диалог отложен</translation>
    </message>
    <message>
        <source>Conversation closed</source>
        <translation>Диалог закрыт</translation>
    </message>
    <message>
        <source>Conversation linked to a family</source>
        <translation>Диалог привязан к семье</translation>
    </message>
    <message>
        <source>Message sent again</source>
        <translation>Сообщение отправлено повторно</translation>
    </message>
    <message>
        <source>Channel settings changed</source>
        <translation>Изменены настройки каналов</translation>
    </message>
    <message>
        <source>Channel alert raised</source>
        <translation>Тревога по каналу</translation>
    </message>
    <message>
        <source>Channel recovered</source>
        <translation>Канал восстановился</translation>
    </message>
    <message>
        <source>Telegram webhook removed</source>
        <translation>Вебхук Telegram удалён</translation>
    </message>
    <message>
        <source>Lapsed weeks changed</source>
        <translation>Изменён срок «давно не были»</translation>
    </message>
    <message>
        <source>Payment rules changed</source>
        <translation>Изменены правила платежей</translation>
    </message>
    <message>
        <source>Working hours changed</source>
        <translation>Изменены часы работы</translation>
    </message>
    <message>
        <source>Day off changed</source>
        <translation>Изменён выходной</translation>
    </message>
    <message>
        <source>Attendance marked</source>
        <translation>Отмечено посещение</translation>
    </message>
    <message>
        <source>Child enrolled</source>
        <translation>Ребёнок записан</translation>
    </message>
    <message>
        <source>Enrolment cancelled</source>
        <translation>Запись отменена</translation>
    </message>
    <message>
        <source>Put on the waitlist</source>
        <translation>Поставлен в лист ожидания</translation>
    </message>
    <message>
        <source>Lesson changed</source>
        <translation>Занятие изменено</translation>
    </message>
    <message>
        <source>Weekly series changed</source>
        <translation>Изменена серия занятий</translation>
    </message>
    <message>
        <source>Lesson cancelled</source>
        <translation>Занятие отменено</translation>
    </message>
    <message>
        <source>Direction changed</source>
        <translation>Направление изменено</translation>
    </message>
    <message>
        <source>Teacher changed</source>
        <translation>Педагог изменён</translation>
    </message>
    <message>
        <source>Room changed</source>
        <translation>Зал изменён</translation>
    </message>
    <message>
        <source>Direction archived or back</source>
        <translation>Направление в архиве или возвращено</translation>
    </message>
    <message>
        <source>Teacher archived or back</source>
        <translation>Педагог в архиве или возвращён</translation>
    </message>
    <message>
        <source>Room archived or back</source>
        <translation>Помещение в архиве или возвращено</translation>
    </message>
    <message>
        <source>Mailing started</source>
        <translation>Рассылка запущена</translation>
    </message>
    <message>
        <source>Mailing paused or resumed</source>
        <translation>Рассылка приостановлена или возобновлена</translation>
    </message>
    <message>
        <source>Segment saved</source>
        <translation>Сегмент сохранён</translation>
    </message>
    <message>
        <source>Contact budget changed</source>
        <translation>Изменён лимит контактов</translation>
    </message>
    <message>
        <source>Call script changed</source>
        <translation>Скрипт звонка изменён</translation>
    </message>
    <message>
        <source>Call script removed</source>
        <translation>Скрипт звонка удалён</translation>
    </message>
    <message>
        <source>Call with a script</source>
        <translation>Позвонить по скрипту</translation>
    </message>
    <message>
        <source>At the desk / away</source>
        <translation>На месте / не на месте</translation>
    </message>
    <message>
        <source>Teacher&apos;s feedback recorded</source>
        <translation>Записана обратная связь педагога</translation>
    </message>
    <message>
        <source>Feedback edited by the copywriter</source>
        <translation>Обратная связь отредактирована копирайтером</translation>
    </message>
    <message>
        <source>Feedback sent to the parent</source>
        <translation>Обратная связь отправлена родителю</translation>
    </message>
    <message>
        <source>Feedback deadlines changed</source>
        <translation>Изменены сроки обратной связи</translation>
    </message>
    <message>
        <source>Brief handed to the head teacher</source>
        <translation>Карточка передана главному педагогу</translation>
    </message>
    <message>
        <source>Camp feedback sent</source>
        <translation>Отправлена обратная связь после лагеря</translation>
    </message>
    <message>
        <source>Feedback item recorded</source>
        <translation>Отзыв внесён в реестр</translation>
    </message>
    <message>
        <source>Feedback item status changed</source>
        <translation>Изменён статус отзыва</translation>
    </message>
    <message>
        <source>Feedback items linked</source>
        <translation>Отзывы связаны</translation>
    </message>
    <message>
        <source>Clients told what changed</source>
        <translation>Клиентам сообщили об изменениях</translation>
    </message>
    <message>
        <source>Feedback tag changed</source>
        <translation>Изменён тег отзывов</translation>
    </message>
    <message>
        <source>Loop case moved on</source>
        <translation>Случай обратной связи продвинулся</translation>
    </message>
    <message>
        <source>Loop case closed</source>
        <translation>Случай обратной связи закрыт</translation>
    </message>
    <message>
        <source>Loop deadline changed</source>
        <translation>Изменён срок ответа по отзывам</translation>
    </message>
    <message>
        <source>A teacher&apos;s chat kept</source>
        <translation>Запомнен чат педагога</translation>
    </message>
    <message>
        <source>Survey answers imported</source>
        <translation>Загружены ответы на опрос</translation>
    </message>
    <message>
        <source>Survey changed</source>
        <translation>Опрос изменён</translation>
    </message>
    <message>
        <source>Checklist printed and kept</source>
        <translation>Чек-лист напечатан и сохранён</translation>
    </message>
    <message>
        <source>Quality sheet criteria changed</source>
        <translation>Изменены критерии листа оценки качества</translation>
    </message>
    <message>
        <source>Quality sheet filled in</source>
        <translation>Заполнен лист оценки качества</translation>
    </message>
    <message>
        <source>Quality sheet removed</source>
        <translation>Удалён лист оценки качества</translation>
    </message>
    <message>
        <source>Work handed over</source>
        <translation>Дела переданы</translation>
    </message>
    <message>
        <source>Handed-over work moved to the substitute</source>
        <translation>Переданные дела перешли к замещающему</translation>
    </message>
    <message>
        <source>Back from a handover</source>
        <translation>Возвращение после передачи дел</translation>
    </message>
    <message>
        <source>&quot;While you were away&quot; read</source>
        <translation>Прочитано «Пока вас не было»</translation>
    </message>
    <message>
        <source>PIN or password set</source>
        <translation>Задан PIN или пароль</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Wrong PIN or password</source>
        <translation>Неверный PIN или пароль</translation>
    </message>
    <message>
        <source>Satisfaction items changed</source>
        <translation>Показатели удовлетворённости изменены</translation>
    </message>
    <message>
        <source>Survey sent</source>
        <translation>Опрос разослан</translation>
    </message>
    <message>
        <source>Survey sent to the family</source>
        <translation>Опрос отправлен семье</translation>
    </message>
    <message>
        <source>Survey reminder sent</source>
        <translation>Напоминание об опросе отправлено</translation>
    </message>
    <message>
        <source>Paper survey answer typed in</source>
        <translation>Внесён ответ с бумажной анкеты</translation>
    </message>
    <message>
        <source>Survey limit per family changed</source>
        <translation>Изменена частота опросов для семьи</translation>
    </message>
    <message>
        <source>waiting for the teacher</source>
        <translation>ждём педагога</translation>
    </message>
    <message>
        <source>with the copywriter</source>
        <translation>у копирайтера</translation>
    </message>
    <message>
        <source>ready to send</source>
        <translation>готово к отправке</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>with the head teacher</source>
        <translation>у главного педагога</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>записано</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>позитивный</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>негативный</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>нейтральный</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>предложение</translation>
    </message>
    <message>
        <source>message</source>
        <translation>сообщение</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>script call</source>
        <translation>звонок по скрипту</translation>
    </message>
    <message>
        <source>note on the card</source>
        <translation>заметка в карточке</translation>
    </message>
    <message>
        <source>teacher&apos;s feedback</source>
        <translation>обратная связь педагога</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>опрос</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>вписано вручную</translation>
    </message>
    <message>
        <source>the problem is solved</source>
        <translation>проблема решена</translation>
    </message>
    <message>
        <source>explained to the client</source>
        <translation>объяснили клиенту</translation>
    </message>
    <message>
        <source>compensated</source>
        <translation>компенсировали</translation>
    </message>
    <message>
        <source>told what changed</source>
        <translation>сообщили об изменениях</translation>
    </message>
    <message>
        <source>could not reach the client</source>
        <translation>не дозвонились</translation>
    </message>
    <message>
        <source>no answer needed</source>
        <translation>ответ не нужен</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>Реплика</translation>
    </message>
    <message>
        <source>Question with an answer</source>
        <translation>Вопрос со свободным ответом</translation>
    </message>
    <message>
        <source>Question with choices</source>
        <translation>Вопрос с вариантами</translation>
    </message>
    <message>
        <source>Score 0–10 (NPS)</source>
        <translation>Оценка 0–10 (NPS)</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Причина ухода</translation>
    </message>
    <message>
        <source>lapsed clients</source>
        <translation>ушедшие клиенты</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>the studio&apos;s own</source>
        <translation>свой скрипт студии</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>на месте</translation>
    </message>
    <message>
        <source>on a call</source>
        <translation>на звонке</translation>
    </message>
    <message>
        <source>away</source>
        <translation>не на месте</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <translation>нет связи с сервером</translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation>сервер не отвечает</translation>
    </message>
    <message>
        <source>the connection broke off</source>
        <translation>связь оборвалась</translation>
    </message>
    <message>
        <source>the server&apos;s gateway stopped waiting for the answer</source>
        <translation>промежуточный сервер не дождался ответа</translation>
    </message>
    <message>
        <source>Desk was closing</source>
        <translation>Desk закрывался</translation>
    </message>
    <message>
        <source>Desk stopped while sending</source>
        <translation>Desk остановился во время отправки</translation>
    </message>
    <message>
        <source>the attached file is not there any more</source>
        <translation>приложенного файла больше нет</translation>
    </message>
    <message>
        <source>the mail server refused the address</source>
        <translation>почтовый сервер не принял адрес</translation>
    </message>
    <message>
        <source>the mailbox has no INBOX folder</source>
        <translation>в ящике нет папки «Входящие» (INBOX)</translation>
    </message>
    <message>
        <source>the server&apos;s address is not found</source>
        <translation>адрес сервера не найден</translation>
    </message>
    <message>
        <source>wrong login or password</source>
        <translation>неверный логин или пароль</translation>
    </message>
    <message>
        <source>the secure connection failed (SSL/TLS)</source>
        <translation>не удалось защищённое соединение (SSL/TLS)</translation>
    </message>
    <message>
        <source>the client blocked the bot</source>
        <translation>клиент заблокировал бота</translation>
    </message>
    <message>
        <source>the client&apos;s account is deleted</source>
        <translation>аккаунт клиента удалён</translation>
    </message>
    <message>
        <source>another program already listens to this bot</source>
        <translation>этого бота уже слушает другая программа</translation>
    </message>
    <message>
        <source>the bot&apos;s token is wrong</source>
        <translation>неверный токен бота</translation>
    </message>
    <message>
        <source>the bot&apos;s token or address is wrong</source>
        <translation>неверный токен или адрес бота</translation>
    </message>
    <message>
        <source>the chat is not found</source>
        <translation>чат не найден</translation>
    </message>
    <message>
        <source>too many messages: Telegram asks to wait</source>
        <translation>слишком много сообщений: Telegram просит подождать</translation>
    </message>
    <message>
        <source>an error on the server</source>
        <translation>ошибка на сервере</translation>
    </message>
    <message>
        <source>the mail server refused the message</source>
        <translation>почтовый сервер не принял письмо</translation>
    </message>
    <message>
        <source>the mail server asks to try later</source>
        <translation>почтовый сервер просит повторить позже</translation>
    </message>
    <message>
        <source>working</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>down</source>
        <translation>не работает</translation>
    </message>
    <message>
        <source>blocked by a webhook</source>
        <translation>мешает вебхук</translation>
    </message>
    <message>
        <source>outbox stuck</source>
        <translation>исходящие застряли</translation>
    </message>
    <message>
        <source>silent for longer than usual</source>
        <translation>тишина дольше обычного</translation>
    </message>
    <message>
        <source>first lesson</source>
        <translation>первое занятие</translation>
    </message>
    <message>
        <source>2–7 lessons</source>
        <translation>2–7 занятий</translation>
    </message>
    <message>
        <source>8–20 lessons</source>
        <translation>8–20 занятий</translation>
    </message>
    <message>
        <source>more than 20 lessons</source>
        <translation>больше 20 занятий</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>contacted</source>
        <translation>связались</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>записались</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>думают</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>the schedule does not suit</source>
        <translation>не подходит расписание</translation>
    </message>
    <message>
        <source>too expensive</source>
        <translation>дорого</translation>
    </message>
    <message>
        <source>too far to travel</source>
        <translation>далеко ездить</translation>
    </message>
    <message>
        <source>illness</source>
        <translation>болезнь</translation>
    </message>
    <message>
        <source>lost interest</source>
        <translation>пропал интерес</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>переехали</translation>
    </message>
    <message>
        <source>season, holidays</source>
        <translation>сезон, отпуск</translation>
    </message>
    <message>
        <source>will come back</source>
        <translation>вернутся</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>переписка</translation>
    </message>
    <message>
        <source>scheduled message</source>
        <translation>отложенное сообщение</translation>
    </message>
    <message>
        <source>mailing</source>
        <translation>рассылка</translation>
    </message>
    <message>
        <source>unhappy client</source>
        <translation>недовольный клиент</translation>
    </message>
    <message>
        <source>with the substitute</source>
        <translation>у замещающего</translation>
    </message>
    <message>
        <source>back with its owner</source>
        <translation>вернулось обратно</translation>
    </message>
    <message>
        <source>kept by who worked on it</source>
        <translation>осталось у того, кто взялся</translation>
    </message>
    <message>
        <source>done meanwhile</source>
        <translation>сделано за это время</translation>
    </message>
    <message>
        <source>vacation</source>
        <translation>отпуск</translation>
    </message>
    <message>
        <source>sick leave</source>
        <translation>больничный</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>запланирована</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>back</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>brought a family</source>
        <translation>привели семью</translation>
    </message>
    <message>
        <source>review</source>
        <translation>отзыв</translation>
    </message>
    <message>
        <source>mention</source>
        <translation>упоминание</translation>
    </message>
    <message>
        <source>recommends us</source>
        <translation>рекомендуют нас</translation>
    </message>
    <message>
        <source>come and keep coming</source>
        <translation>ходят постоянно</translation>
    </message>
    <message>
        <source>came once and stopped</source>
        <translation>были один раз и перестали</translation>
    </message>
    <message>
        <source>came recently</source>
        <translation>были недавно</translation>
    </message>
    <message>
        <source>showed interest but never came</source>
        <translation>интересовались, но не пришли</translation>
    </message>
    <message>
        <source>booked, before the day</source>
        <translation>записаны, перед событием</translation>
    </message>
    <message>
        <source>after the day</source>
        <translation>после события</translation>
    </message>
    <message>
        <source>any direction</source>
        <translation>любое направление</translation>
    </message>
    <message>
        <source>website</source>
        <translation>сайт</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Wallet correction</source>
        <translation>Исправление в кошельке</translation>
    </message>
    <message>
        <source>Payments posted</source>
        <translation>Разнесены платежи</translation>
    </message>
</context>
<context>
    <name>LapsedView</name>
    <message>
        <source> weeks</source>
        <translation> нед.</translation>
    </message>
    <message>
        <source>Call with the script…</source>
        <translation>Позвонить по скрипту…</translation>
    </message>
    <message>
        <source>The lapsed-client script guides the call and asks for the reason</source>
        <translation>Скрипт для ушедших клиентов ведёт разговор и спрашивает причину</translation>
    </message>
    <message>
        <source>Open the family</source>
        <translation>Открыть семью</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Занятие</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последний визит</translation>
    </message>
    <message>
        <source>Lessons attended</source>
        <translation>Посещено занятий</translation>
    </message>
    <message>
        <source>Did not come (30 days)</source>
        <translation>Не пришли (30 дней)</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>Давно не были</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Причины</translation>
    </message>
    <message>
        <source>Not seen for more than</source>
        <translation>Не были дольше</translation>
    </message>
    <message>
        <source>Reasons by month</source>
        <translation>Причины по месяцам</translation>
    </message>
    <message numerus="yes">
        <source>Did not come (30 days): %n</source>
        <translation>
            <numerusform>Не пришли (30 дней): %n</numerusform>
            <numerusform>Не пришли (30 дней): %n</numerusform>
            <numerusform>Не пришли (30 дней): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not seen for a while: %n</source>
        <translation>
            <numerusform>Давно не были: %n</numerusform>
            <numerusform>Давно не были: %n</numerusform>
            <numerusform>Давно не были: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadDialog</name>
    <message>
        <source>New application</source>
        <translation>Новая заявка</translation>
    </message>
    <message>
        <source>name and age, if given</source>
        <translation>имя и возраст, если указаны</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Родитель:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Child:</source>
        <translation>Ребёнок:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <source>Received</source>
        <translation>Получена</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Родитель</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Ответить до</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>LeadsView</name>
    <message>
        <source>Show closed ones too</source>
        <translation>Показывать и закрытые</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>Новая заявка…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Импорт CSV…</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Связались</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Записались</translation>
    </message>
    <message>
        <source>Thinking until…</source>
        <translation>Думают до…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Отказ…</translation>
    </message>
    <message>
        <source>Create the family…</source>
        <translation>Создать семью…</translation>
    </message>
    <message>
        <source>Link to a family…</source>
        <translation>Привязать к семье…</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Думают</translation>
    </message>
    <message>
        <source>Come back on:</source>
        <translation>Вернуться:</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Why did they not come?</source>
        <translation>Почему отказались?</translation>
    </message>
    <message>
        <source>Import applications</source>
        <translation>Импорт заявок</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Ничего не загружено:</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n application(s)</source>
        <translation>
            <numerusform>Загружена %n заявка</numerusform>
            <numerusform>Загружено %n заявки</numerusform>
            <numerusform>Загружено %n заявок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>(reversed)</source>
        <translation>(сторнировано)</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>no check</source>
        <translation>не проверялся</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <source>Lesson</source>
        <translation>Занятие</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Новое занятие</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— не указан —</translation>
    </message>
    <message>
        <source>10% off for the second and further child of a family</source>
        <translation>Скидка 10% второму и следующим детям из семьи</translation>
    </message>
    <message>
        <source>Adults may come</source>
        <translation>Можно со взрослыми</translation>
    </message>
    <message>
        <source>Repeat every week until</source>
        <translation>Повторять каждую неделю до</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Направление:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation>Педагог:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Зал:</translation>
    </message>
    <message>
        <source>Places for children:</source>
        <translation>Мест для детей:</translation>
    </message>
    <message>
        <source>Price per child, ₽:</source>
        <translation>Цена для ребёнка, ₽:</translation>
    </message>
    <message>
        <source>Price per adult, ₽:</source>
        <translation>Цена для взрослого, ₽:</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (в архиве)</translation>
    </message>
    <message>
        <source>Enter prices such as 1 200 or 1200,50.</source>
        <translation>Введите цены, например 1 200 или 1200,50.</translation>
    </message>
    <message>
        <source>Already taken at this time — {what}: {direction}, {start}–{end}</source>
        <translation>Уже занято в это время — {what}: {direction}, {start}–{end}</translation>
    </message>
    <message>
        <source>Save the lesson at this time anyway?</source>
        <translation>Всё равно сохранить занятие на это время?</translation>
    </message>
</context>
<context>
    <name>LessonPicker</name>
    <message>
        <source>Choose the lesson</source>
        <translation>Выбор занятия</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Все направления</translation>
    </message>
</context>
<context>
    <name>LessonSheetDialog</name>
    <message>
        <source>Lesson sheet</source>
        <translation>Лист занятия</translation>
    </message>
    <message>
        <source>{n} children on the roster</source>
        <translation>Детей в списке: {n}</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>The same as…</source>
        <translation>То же, что…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказали</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>The database is already open</source>
        <translation>База уже открыта</translation>
    </message>
    <message>
        <source>Opened by {staff} on {host} since {since}.</source>
        <translation>Открыта: {staff}, компьютер {host}, с {since}.</translation>
    </message>
    <message>
        <source>That program is no longer running on this computer: the lock was left behind and can be broken safely.</source>
        <translation>Та программа на этом компьютере уже не работает: блокировка осталась от неё, её можно безопасно снять.</translation>
    </message>
    <message>
        <source>Two programs writing at once can overwrite each other&apos;s work. Open read-only unless you are sure the other one is closed.</source>
        <translation>Если две программы пишут одновременно, они могут затереть работу друг друга. Откройте только для чтения, если не уверены, что другая закрыта.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>Break the lock and open</source>
        <translation>Снять блокировку и открыть</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Всё равно открыть</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Desk is locked</source>
        <translation>Программа заблокирована</translation>
    </message>
    <message>
        <source>Working: {name}</source>
        <translation>Работает: {name}</translation>
    </message>
    <message>
        <source>Type your PIN or password to go on.</source>
        <translation>Введите PIN или пароль, чтобы продолжить.</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN или пароль</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Сменить пользователя…</translation>
    </message>
    <message>
        <source>A client is waiting for an answer: {wait}</source>
        <translation>Клиент ждёт ответа уже {wait}</translation>
    </message>
</context>
<context>
    <name>LogMessageDialog</name>
    <message>
        <source>Write down a message</source>
        <translation>Записать сообщение</translation>
    </message>
    <message>
        <source>phone, profile or e-mail</source>
        <translation>телефон, профиль или e-mail</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакт:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
</context>
<context>
    <name>LookReadOnly</name>
    <message>
        <source>The database needs fixing</source>
        <translation>База данных требует исправления</translation>
    </message>
    <message>
        <source>Some rows of this database break rules that this version of Desk keeps, so the file was not upgraded; it was left exactly as it was. You can open it read-only to look at it. These rows need fixing (&quot;desk check&quot; lists them too):</source>
        <translation>Некоторые строки этой базы нарушают правила, которые соблюдает эта версия Desk, поэтому файл не обновлён и оставлен в точности как был. Его можно открыть только для чтения, чтобы посмотреть. Исправить нужно эти строки (их же перечисляет «desk check»):</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Открыть только для чтения</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>LoopDue</name>
    <message>
        <source>Open the answers to feedback</source>
        <translation>Открыть ответы на отзывы</translation>
    </message>
    <message>
        <source>Clients waiting for an answer to their feedback: {n}</source>
        <translation>Клиенты ждут ответа на отзыв: {n}</translation>
    </message>
    <message>
        <source>late: {n}</source>
        <translation>просрочено: {n}</translation>
    </message>
</context>
<context>
    <name>LoopHoursDialog</name>
    <message>
        <source>Answer deadline</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>A client who complained is answered within:</source>
        <translation>Клиенту с жалобой отвечаем в течение:</translation>
    </message>
</context>
<context>
    <name>LoopStatus</name>
    <message>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>client informed</source>
        <translation>клиенту сообщили</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
</context>
<context>
    <name>LoopView</name>
    <message>
        <source>{n} h</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Ответить до</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказали</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Taken up</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <source>Client informed</source>
        <translation>Клиенту сообщили</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Закрыть…</translation>
    </message>
    <message>
        <source>Open the family</source>
        <translation>Открыть семью</translation>
    </message>
    <message>
        <source>Deadline…</source>
        <translation>Срок…</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>Ответили вовремя</translation>
    </message>
    <message>
        <source>negative items of 30 days with a first step by the deadline, of those contacted or past it: {a} of {b}</source>
        <translation>негативные отзывы за 30 дней, по которым первый шаг сделан в срок, из тех, с кем связались или чей срок прошёл: {a} из {b}</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>Первый шаг</translation>
    </message>
    <message>
        <source>median time from the item to the first step</source>
        <translation>медиана времени от отзыва до первого шага</translation>
    </message>
    <message>
        <source>To close</source>
        <translation>До закрытия</translation>
    </message>
    <message>
        <source>median time from the item to closing</source>
        <translation>медиана времени от отзыва до закрытия</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Открыто сейчас</translation>
    </message>
    <message>
        <source>under 24 h: {a}; 24–48 h: {b}; 2–7 days: {c}; over 7 days: {d}</source>
        <translation>до 24 ч: {a}; 24–48 ч: {b}; 2–7 дней: {c}; больше 7 дней: {d}</translation>
    </message>
</context>
<context>
    <name>LoyaltyDialog</name>
    <message>
        <source>brought {families}</source>
        <translation>привели семьи: {families}</translation>
    </message>
    <message>
        <source>Recommends us:</source>
        <translation>Рекомендуют нас:</translation>
    </message>
    <message>
        <source>Came on the word of: {families}</source>
        <translation>Пришли по рекомендации: {families}</translation>
    </message>
    <message>
        <source>Loyalty signals</source>
        <translation>Признаки лояльности</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не выбрана</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Что:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Ссылка:</translation>
    </message>
    <message>
        <source>Family they brought:</source>
        <translation>Кого привели:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>came on the word of {family}</source>
        <translation>пришли по рекомендации: {family}</translation>
    </message>
    <message>
        <source>brought {family}</source>
        <translation>привели семью: {family}</translation>
    </message>
</context>
<context>
    <name>MailingDialog</name>
    <message>
        <source>New mailing</source>
        <translation>Новая рассылка</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Save as a segment…</source>
        <translation>Сохранить как сегмент…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>came within the last</source>
        <translation>приходили за последние</translation>
    </message>
    <message>
        <source>not seen for</source>
        <translation>не были дольше</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>{parent}, {child} and {studio} are filled in for each family</source>
        <translation>{parent}, {child} и {studio} подставляются для каждой семьи</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Пробный прогон</translation>
    </message>
    <message>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Направление:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Last visit:</source>
        <translation>Последний визит:</translation>
    </message>
    <message>
        <source>Child&apos;s age:</source>
        <translation>Возраст ребёнка:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Start sending</source>
        <translation>Начать рассылку</translation>
    </message>
    <message>
        <source>Save as a segment</source>
        <translation>Сохранить как сегмент</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>will get it</source>
        <translation>получит</translation>
    </message>
    <message>
        <source>Will get it: {n}. Skipped: no consent {a}, budget spent {b}, no channel {c}, channel not set up {d}.</source>
        <translation>Получат: {n}. Пропущены: нет согласия — {a}, исчерпан лимит контактов — {b}, нет канала — {c}, канал не настроен — {d}.</translation>
    </message>
</context>
<context>
    <name>MailingPreviewModel</name>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>MailingRecipientsModel</name>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>Mailings</name>
    <message>
        <source>skipped: no consent to mailings</source>
        <translation>пропущена: нет согласия на рассылки</translation>
    </message>
    <message>
        <source>skipped: contact budget spent</source>
        <translation>пропущена: исчерпан лимит контактов</translation>
    </message>
    <message>
        <source>skipped: no e-mail or Telegram chat</source>
        <translation>пропущена: нет e-mail или чата в Telegram</translation>
    </message>
    <message>
        <source>skipped: the channel is not set up</source>
        <translation>пропуск: канал не настроен</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>идёт отправка</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>на паузе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>завершена</translation>
    </message>
</context>
<context>
    <name>MailingsModel</name>
    <message>
        <source>Mailing</source>
        <translation>Рассылка</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
</context>
<context>
    <name>MailingsView</name>
    <message>
        <source>New mailing…</source>
        <translation>Новая рассылка…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>At most this many mailings, reminders, survey invitations and greetings per family (siblings count as one); answers are not counted</source>
        <translation>Не больше стольких рассылок, напоминаний, приглашений в опросы и поздравлений на семью (братья и сёстры — одна семья); ответы в диалогах не считаются</translation>
    </message>
    <message>
        <source>Contact budget:</source>
        <translation>Лимит контактов:</translation>
    </message>
    <message>
        <source>messages in</source>
        <translation>сообщ. за</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>waiting for its turn</source>
        <translation>ждёт своей очереди</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>not delivered: {reason}</source>
        <translation>не доставлено: {reason}</translation>
    </message>
    <message>
        <source>in the outbox</source>
        <translation>в исходящих</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Desk — {studio}</source>
        <translation>Desk — {studio}</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Семьи</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Client feedback</source>
        <translation>Отзывы</translation>
    </message>
    <message>
        <source>Indices</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>No connection to the studio&apos;s server: trying again…</source>
        <translation>Нет связи с сервером студии: подключаюсь снова…</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Channels: state — each bot and mailbox</source>
        <translation>Каналы: состояние каждого бота и почтового ящика</translation>
    </message>
    <message>
        <source>Working: {name}</source>
        <translation>Работает: {name}</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Не на месте</translation>
    </message>
    <message>
        <source>Away from the desk: waiting clients are shown to the colleague at once</source>
        <translation>Нет на месте: ждущих клиентов сразу покажут коллеге</translation>
    </message>
    <message>
        <source>Sending and receiving had stopped because of an error and were started again; the details are in the log.</source>
        <translation>Отправка и приём остановились из-за ошибки и запущены снова; подробности — в журнале программы.</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved</source>
        <translation>Только чтение: изменения не сохраняются</translation>
    </message>
    <message>
        <source>Supervisor: looking, printing and exporting; changes are made by the desk</source>
        <translation>Руководитель: просмотр, печать и выгрузка; изменения вносит стойка</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Import families…</source>
        <translation>Импорт семей…</translation>
    </message>
    <message>
        <source>Export families…</source>
        <translation>Экспорт семей…</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Сделать резервную копию…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Move the studio to a server…</source>
        <translation>Перенести студию на сервер…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Сменить пользователя…</translation>
    </message>
    <message>
        <source>Import survey answers…</source>
        <translation>Загрузить ответы опроса…</translation>
    </message>
    <message>
        <source>Kept checklists…</source>
        <translation>Архив чек-листов…</translation>
    </message>
    <message>
        <source>Call and chat quality…</source>
        <translation>Качество звонков и переписки…</translation>
    </message>
    <message>
        <source>Quality sheets: fill one in, a person&apos;s month, calibration, a blank form</source>
        <translation>Листы оценки: заполнить, месяц сотрудника, калибровка, пустой бланк</translation>
    </message>
    <message>
        <source>Hand over work…</source>
        <translation>Передать дела…</translation>
    </message>
    <message>
        <source>For a vacation or a sick leave: your open work moves to a colleague and comes back</source>
        <translation>На отпуск или больничный: открытые дела переходят к коллеге и потом возвращаются</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Переход</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>Studio and staff…</source>
        <translation>Студия и сотрудники…</translation>
    </message>
    <message>
        <source>Directions, teachers and rooms…</source>
        <translation>Направления, педагоги и залы…</translation>
    </message>
    <message>
        <source>Working hours…</source>
        <translation>Часы работы…</translation>
    </message>
    <message>
        <source>Call scripts…</source>
        <translation>Скрипты звонков…</translation>
    </message>
    <message>
        <source>Answer templates…</source>
        <translation>Шаблоны ответов…</translation>
    </message>
    <message>
        <source>Channels…</source>
        <translation>Каналы…</translation>
    </message>
    <message>
        <source>Feedback tags…</source>
        <translation>Теги отзывов…</translation>
    </message>
    <message>
        <source>PIN or password…</source>
        <translation>PIN или пароль…</translation>
    </message>
    <message>
        <source>Change yours, or reset a colleague&apos;s forgotten one</source>
        <translation>Сменить свой или сбросить забытый у коллеги</translation>
    </message>
    <message>
        <source>Satisfaction items (CSI)…</source>
        <translation>Показатели удовлетворённости (CSI)…</translation>
    </message>
    <message>
        <source>Quality sheet criteria…</source>
        <translation>Критерии оценки качества…</translation>
    </message>
    <message>
        <source>Payments…</source>
        <translation>Платежи…</translation>
    </message>
    <message>
        <source>Charge for absences</source>
        <translation>Списывать за пропуски</translation>
    </message>
    <message>
        <source>A child marked &quot;did not come&quot; is charged as if they came</source>
        <translation>За отметку «не пришёл» списывается как за занятие</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Find a family</source>
        <translation>Найти семью</translation>
    </message>
    <message>
        <source>{desk}, read-only</source>
        <translation>{desk}, только чтение</translation>
    </message>
    <message>
        <source>Also connected: {desks}</source>
        <translation>Ещё подключены: {desks}</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have not gone yet.</source>
        <translation>
            <numerusform>%n сообщение ещё не отправлено.</numerusform>
            <numerusform>%n сообщения ещё не отправлены.</numerusform>
            <numerusform>%n сообщений ещё не отправлены.</numerusform>
        </translation>
    </message>
    <message>
        <source>One being handed over now will show &quot;delivery not confirmed&quot; for you to check.</source>
        <translation>То, что передаётся прямо сейчас, будет помечено «доставка не подтверждена», чтобы вы проверили.</translation>
    </message>
    <message>
        <source>The others go the next time Desk runs. Quit anyway?</source>
        <translation>Остальные уйдут при следующем запуске Desk. Всё равно выйти?</translation>
    </message>
    <message>
        <source>Channels need attention: {channels}</source>
        <translation>Каналы требуют внимания: {channels}</translation>
    </message>
    <message>
        <source>Covering for: {people}</source>
        <translation>Вы замещаете: {people}</translation>
    </message>
    <message>
        <source>{name} (back on {day})</source>
        <translation>{name} (выходит {day})</translation>
    </message>
    <message>
        <source>The desk is not locked: you have no PIN yet (Settings → PIN or password…)</source>
        <translation>Программа не заблокирована: у вас ещё нет PIN (Настройки → PIN или пароль…)</translation>
    </message>
    <message>
        <source>Messages go through {desk}</source>
        <translation>Сообщения идут через {desk}</translation>
    </message>
    <message>
        <source>{channel}: offline ({reason})</source>
        <translation>{channel}: нет связи ({reason})</translation>
    </message>
    <message>
        <source>From {day} on, a child marked &quot;did not come&quot; is charged as if they came. Earlier lessons keep the rule they had. Switch it on?</source>
        <translation>С {day} за ребёнка с отметкой «не пришёл» будет списываться оплата, как если бы он пришёл. Для прошлых занятий остаётся правило, действовавшее тогда. Включить?</translation>
    </message>
    <message>
        <source>From {day} on, absences are no longer charged. Earlier lessons keep the rule they had. Switch it off?</source>
        <translation>С {day} пропуски больше не списываются. Для прошлых занятий остаётся правило, действовавшее тогда. Выключить?</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Desk.</source>
        <translation>Новый язык включится при следующем запуске Desk.</translation>
    </message>
    <message>
        <source>Export families</source>
        <translation>Экспорт семей</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv)</source>
        <translation>Таблицы (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s)</source>
        <translation>
            <numerusform>Выгружена %n строка</numerusform>
            <numerusform>Выгружено %n строки</numerusform>
            <numerusform>Выгружено %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>All handovers…</source>
        <translation>Все передачи дел…</translation>
    </message>
    <message>
        <source>No desk receives messages: enter the bot token here</source>
        <translation>Сообщения никто не принимает: введите здесь токен бота</translation>
    </message>
    <message>
        <source>This PC has not the bot token, so it cannot receive and send for the studio. Enter it under Settings → Channels to be able to take over.</source>
        <translation>На этом компьютере нет токена бота, поэтому он не может принимать и отправлять сообщения студии. Введите токен в меню Настройки → Каналы, чтобы этот компьютер мог их перехватить.</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>Сохранить резервную копию</translation>
    </message>
    <message>
        <source>Desk database (*.db)</source>
        <translation>База Desk (*.db)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создаю резервную копию…</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>Резервная копия сохранена: {path}</translation>
    </message>
    <message>
        <source>Move the studio to a server</source>
        <translation>Перенос студии на сервер</translation>
    </message>
    <message>
        <source>Every record of this studio is copied to the studio&apos;s server (PostgreSQL), checked there, and from then on this PC and the others work on the server. The file on this PC stays as it is. Go on?</source>
        <translation>Все записи студии будут скопированы на сервер студии (PostgreSQL) и проверены там; после этого этот и другие компьютеры работают с сервером. Файл на этом компьютере останется как есть. Продолжить?</translation>
    </message>
    <message>
        <source>Copying the studio to the server…</source>
        <translation>Копирую студию на сервер…</translation>
    </message>
    <message>
        <source>The studio is on the server {server}: {families} families, {rows} records copied and checked. The file on this PC stays as it was. Desk now opens the studio on the server; connect the other PCs to it (at the first start: &quot;The studio&apos;s server…&quot;).</source>
        <translation>Студия перенесена на сервер {server}: семей — {families}, записей — {rows}, всё скопировано и проверено. Файл на этом компьютере остался как был. Сейчас Desk откроет студию на сервере; другие компьютеры подключите к нему (при первом запуске: «Сервер студии…»).</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Резервных копий пока нет.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>Копия:</translation>
    </message>
    <message>
        <source>Replace all current data with the backup {name}? The current state is saved as a backup first.</source>
        <translation>Заменить все текущие данные копией {name}? Текущее состояние сначала будет сохранено в отдельную копию.</translation>
    </message>
    <message>
        <source>The backup was restored. Check that the data is right.</source>
        <translation>Копия восстановлена. Проверьте, что данные верны.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Feedback to the parent</source>
        <translation>Обратная связь родителю</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Скопировать текст</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Отметить отправленным</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>The family has not agreed to messages: tell the parent another way, then mark it as sent.</source>
        <translation>Семья не давала согласия на сообщения: передайте родителю иначе и отметьте отправленным.</translation>
    </message>
    <message>
        <source>Goes by {channel} ({address}), not during quiet hours.</source>
        <translation>Уйдёт через {channel} ({address}), не в тихие часы.</translation>
    </message>
    <message>
        <source>The family prefers {channel}: copy the text, send it there and mark it as sent.</source>
        <translation>Семья предпочитает {channel}: скопируйте текст, отправьте туда и отметьте отправленным.</translation>
    </message>
    <message>
        <source>Send the voice note {name} there too.</source>
        <translation>Голосовое {name} отправьте туда же.</translation>
    </message>
    <message>
        <source>The voice note follows the text.</source>
        <translation>Голосовое уйдёт следом за текстом.</translation>
    </message>
    <message>
        <source>The voice note {name} follows as a file.</source>
        <translation>Голосовое {name} уйдёт следом файлом.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter a name.</source>
        <translation>Укажите имя.</translation>
    </message>
    <message>
        <source>From 0 (never) to 240 minutes.</source>
        <translation>От 0 (никогда) до 240 минут.</translation>
    </message>
    <message>
        <source>Choose someone else to cover.</source>
        <translation>Выберите другого человека для замещения.</translation>
    </message>
    <message>
        <source>The day back comes after the first day away.</source>
        <translation>День выхода — позже первого дня отсутствия.</translation>
    </message>
    <message>
        <source>A handover lasts a year at most.</source>
        <translation>Передача дел — не дольше года.</translation>
    </message>
    <message>
        <source>The first day away is today or later.</source>
        <translation>Первый день отсутствия — сегодня или позже.</translation>
    </message>
    <message>
        <source>These days overlap a handover of the same person already made: change that one or choose other days.</source>
        <translation>Эти дни пересекаются с уже сделанной передачей дел того же человека: измените её или выберите другие дни.</translation>
    </message>
    <message>
        <source>Work is handed over between the desk&apos;s people (not a supervisor).</source>
        <translation>Дела передаются между сотрудниками стойки (не руководителю).</translation>
    </message>
    <message>
        <source>This handover has ended already.</source>
        <translation>Эта передача дел уже завершена.</translation>
    </message>
    <message>
        <source>That person is away on these days and their work comes back this way: choose someone who is in.</source>
        <translation>Этот человек в эти дни сам отсутствует, и его дела вернулись бы по цепочке обратно: выберите того, кто будет на месте.</translation>
    </message>
    <message>
        <source>The name holds invisible control characters or is too long: retype it.</source>
        <translation>В имени есть невидимые управляющие символы или оно слишком длинное: наберите его заново.</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>Это не похоже на номер телефона.</translation>
    </message>
    <message>
        <source>This phone is already entered above.</source>
        <translation>Этот телефон уже указан выше.</translation>
    </message>
    <message>
        <source>This phone belongs to another family.</source>
        <translation>Этот телефон уже записан в другой семье.</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address.</source>
        <translation>Это не похоже на адрес e-mail.</translation>
    </message>
    <message>
        <source>Use letters, digits and _ only (e.g. @anna_k).</source>
        <translation>Только латинские буквы, цифры и _ (например, @anna_k).</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>Дата рождения в будущем.</translation>
    </message>
    <message>
        <source>Check the year of birth.</source>
        <translation>Проверьте год рождения.</translation>
    </message>
    <message>
        <source>The child is older than 18.</source>
        <translation>Ребёнку больше 18 лет.</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
        <source>Enter the server computer&apos;s name or address.</source>
        <translation>Введите имя или адрес компьютера-сервера.</translation>
    </message>
    <message>
        <source>Write only the computer&apos;s name or address, e.g. 192.168.1.10.</source>
        <translation>Напишите только имя или адрес компьютера, например 192.168.1.10.</translation>
    </message>
    <message>
        <source>Enter the database&apos;s name.</source>
        <translation>Введите название базы.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Enter what needs to be done.</source>
        <translation>Напишите, что нужно сделать.</translation>
    </message>
    <message>
        <source>Add at least one step.</source>
        <translation>Добавьте хотя бы один шаг.</translation>
    </message>
    <message>
        <source>Add at least one outcome.</source>
        <translation>Добавьте хотя бы один итог.</translation>
    </message>
    <message>
        <source>Write what to say or ask.</source>
        <translation>Напишите, что сказать или спросить.</translation>
    </message>
    <message>
        <source>Unknown placeholder: use {parent}, {child}, {studio} or {me}.</source>
        <translation>Неизвестная подстановка: можно {parent}, {child}, {studio} или {me}.</translation>
    </message>
    <message>
        <source>Give at least two answers, each with words.</source>
        <translation>Нужно минимум два варианта ответа, у каждого — текст.</translation>
    </message>
    <message>
        <source>An answer can only lead to a later step.</source>
        <translation>Ответ может вести только к одному из следующих шагов.</translation>
    </message>
    <message>
        <source>An answer leads to an outcome that is not in the list.</source>
        <translation>Ответ ведёт к итогу, которого нет в списке.</translation>
    </message>
    <message>
        <source>A step that depends on the score must come after the score.</source>
        <translation>Шаг, зависящий от оценки, должен идти после оценки.</translation>
    </message>
    <message>
        <source>The score range must go from the lower to the higher score.</source>
        <translation>Диапазон оценок — от меньшей к большей.</translation>
    </message>
    <message>
        <source>A script asks for the score or the reason only once.</source>
        <translation>Оценку и причину скрипт спрашивает только один раз.</translation>
    </message>
    <message>
        <source>Choose from 0 to 365 days.</source>
        <translation>Укажите от 0 до 365 дней.</translation>
    </message>
    <message>
        <source>The lapsed-client script needs a &quot;reason for leaving&quot; step.</source>
        <translation>В скрипте для ушедших клиентов нужен шаг «Причина ухода».</translation>
    </message>
    <message>
        <source>The NPS script needs a score step.</source>
        <translation>В скрипте NPS нужен шаг с оценкой.</translation>
    </message>
    <message>
        <source>A score goes from 0 to 10.</source>
        <translation>Оценка — от 0 до 10.</translation>
    </message>
    <message>
        <source>Choose who does it.</source>
        <translation>Выберите исполнителя.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list.</source>
        <translation>Выберите часовой пояс из списка.</translation>
    </message>
    <message>
        <source>This name is already used.</source>
        <translation>Такое название уже есть.</translation>
    </message>
    <message>
        <source>There must be at least one place.</source>
        <translation>Нужно хотя бы одно место.</translation>
    </message>
    <message>
        <source>More children are already enrolled than this number of places.</source>
        <translation>Записано уже больше детей, чем столько мест.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <source>No single amount may be over 10 000 000 ₽.</source>
        <translation>Одна сумма не может быть больше 10 000 000 ₽.</translation>
    </message>
    <message>
        <source>Choose an amount from 1 ₽ to 10 000 000 ₽.</source>
        <translation>Укажите сумму от 1 ₽ до 10 000 000 ₽.</translation>
    </message>
    <message>
        <source>Choose from 1 to 90 days.</source>
        <translation>Укажите от 1 до 90 дней.</translation>
    </message>
    <message>
        <source>The lesson is too short.</source>
        <translation>Слишком короткое занятие.</translation>
    </message>
    <message>
        <source>Choose a direction.</source>
        <translation>Выберите направление.</translation>
    </message>
    <message>
        <source>Choose a teacher from the list.</source>
        <translation>Выберите педагога из списка.</translation>
    </message>
    <message>
        <source>The last date is before the first lesson.</source>
        <translation>Последняя дата раньше первого занятия.</translation>
    </message>
    <message>
        <source>A series can span one year at most.</source>
        <translation>Серия может длиться не больше года.</translation>
    </message>
    <message>
        <source>Tick the children to enrol.</source>
        <translation>Отметьте детей, которых записать.</translation>
    </message>
    <message>
        <source>This child is already enrolled.</source>
        <translation>Этот ребёнок уже записан.</translation>
    </message>
    <message>
        <source>Adults are not allowed in this lesson.</source>
        <translation>На это занятие взрослые не допускаются.</translation>
    </message>
    <message>
        <source>Give a phone or an e-mail.</source>
        <translation>Укажите телефон или e-mail.</translation>
    </message>
    <message>
        <source>Choose the date.</source>
        <translation>Выберите дату.</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <source>Write the text of the template.</source>
        <translation>Напишите текст шаблона.</translation>
    </message>
    <message>
        <source>Write the message first.</source>
        <translation>Сначала напишите сообщение.</translation>
    </message>
    <message>
        <source>The family has not agreed to messages.</source>
        <translation>Семья не давала согласия на сообщения.</translation>
    </message>
    <message>
        <source>The family&apos;s contact budget is spent for now: copy the text instead.</source>
        <translation>Лимит контактов семьи пока исчерпан: скопируйте текст вручную.</translation>
    </message>
    <message>
        <source>The family&apos;s channel is not set up under Settings → Channels: copy the text instead.</source>
        <translation>Канал семьи не настроен (Настройки → Каналы): скопируйте текст.</translation>
    </message>
    <message>
        <source>No e-mail or Telegram chat for this family: copy the text instead.</source>
        <translation>У семьи нет e-mail или чата в Telegram: скопируйте текст вручную.</translation>
    </message>
    <message>
        <source>The attached file is not there any more.</source>
        <translation>Прикреплённого файла больше нет на месте.</translation>
    </message>
    <message>
        <source>The file is too big: a message can carry up to 50 MB.</source>
        <translation>Файл слишком большой: к сообщению можно приложить до 50 МБ.</translation>
    </message>
    <message>
        <source>Write the teacher&apos;s words or attach a voice note first.</source>
        <translation>Сначала впишите слова педагога или прикрепите голосовое.</translation>
    </message>
    <message>
        <source>This feedback has already been sent.</source>
        <translation>Эта обратная связь уже отправлена.</translation>
    </message>
    <message>
        <source>The text is with the copywriter: paste the edited text back first.</source>
        <translation>Текст у копирайтера: сначала вставьте отредактированный текст.</translation>
    </message>
    <message>
        <source>Attach a voice note as .ogg, .opus, .mp3 or .m4a.</source>
        <translation>Голосовое должно быть в формате .ogg, .opus, .mp3 или .m4a.</translation>
    </message>
    <message>
        <source>The voice note is too big: up to 20 MB.</source>
        <translation>Голосовое слишком большое: можно до 20 МБ.</translation>
    </message>
    <message>
        <source>Choose from 1 to 720 hours.</source>
        <translation>Выберите от 1 до 720 часов.</translation>
    </message>
    <message>
        <source>Quote what the client said.</source>
        <translation>Впишите, что сказал клиент.</translation>
    </message>
    <message>
        <source>The quote is too long: keep the gist.</source>
        <translation>Цитата слишком длинная: оставьте главное.</translation>
    </message>
    <message>
        <source>A tag is no longer in the list: choose again.</source>
        <translation>Одного из тегов уже нет в списке: выберите заново.</translation>
    </message>
    <message>
        <source>This step does not follow from the current status.</source>
        <translation>Этот шаг не следует из текущего статуса.</translation>
    </message>
    <message>
        <source>Say why it is rejected.</source>
        <translation>Укажите, почему отклонено.</translation>
    </message>
    <message>
        <source>Write a comment: what was done.</source>
        <translation>Напишите комментарий: что сделали.</translation>
    </message>
    <message>
        <source>The families are told once the change is done: mark it done first.</source>
        <translation>Семьям сообщают, когда изменение сделано: сначала отметьте «сделано».</translation>
    </message>
    <message>
        <source>An item cannot be linked to itself.</source>
        <translation>Отзыв нельзя связать с самим собой.</translation>
    </message>
    <message>
        <source>That item is closed (rejected, or its clients were told): choose another.</source>
        <translation>Этот отзыв закрыт (отклонён или клиентам уже сообщили): выберите другой.</translation>
    </message>
    <message>
        <source>Unknown time zone: write it like Europe/Moscow.</source>
        <translation>Неизвестный часовой пояс: напишите, например, Europe/Moscow.</translation>
    </message>
    <message>
        <source>The teacher has not written to the studio&apos;s bot yet: copy or print the brief instead.</source>
        <translation>Педагог ещё не писал боту студии: скопируйте или распечатайте карточку.</translation>
    </message>
    <message>
        <source>Only a Telegram chat can be kept for a teacher.</source>
        <translation>Для педагога можно запомнить только чат в Telegram.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Save as .xlsx or .pdf.</source>
        <translation>Сохраните как .xlsx или .pdf.</translation>
    </message>
    <message>
        <source>Choose from 1 to 60 days.</source>
        <translation>Выберите от 1 до 60 дней.</translation>
    </message>
    <message>
        <source>The head teacher gives the second feedback on a call: record it instead.</source>
        <translation>Вторую обратную связь главный педагог даёт по телефону: запишите её ответ.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Выберите время в будущем.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>Укажите адрес сервера.</translation>
    </message>
    <message>
        <source>Paste the bot&apos;s token from @BotFather.</source>
        <translation>Вставьте токен бота от @BotFather.</translation>
    </message>
    <message>
        <source>The template does too much work (long loops or a very long text): simplify it.</source>
        <translation>Шаблон делает слишком много работы (длинные циклы или очень длинный текст): упростите его.</translation>
    </message>
    <message>
        <source>Choose from 1 to 52 weeks.</source>
        <translation>Выберите от 1 до 52 недель.</translation>
    </message>
    <message>
        <source>A block must end after it starts.</source>
        <translation>Время окончания должно быть позже начала.</translation>
    </message>
    <message>
        <source>The break must come after the first block ends.</source>
        <translation>Перерыв должен начинаться после окончания первой части дня.</translation>
    </message>
    <message>
        <source>Mark at least one working day.</source>
        <translation>Отметьте хотя бы один рабочий день.</translation>
    </message>
    <message>
        <source>Name at least one System person and one Communicator.</source>
        <translation>Нужны хотя бы один Человек-Система и один Коммуникатор.</translation>
    </message>
    <message>
        <source>Add the link to the survey&apos;s form first (the survey&apos;s &quot;Edit…&quot;).</source>
        <translation>Сначала добавьте ссылку на форму опроса (кнопка «Изменить…» у опроса).</translation>
    </message>
    <message>
        <source>Paste the full link, starting with https://.</source>
        <translation>Вставьте полную ссылку, начиная с https://.</translation>
    </message>
    <message>
        <source>A short forms.gle link loses the family&apos;s code: paste the form&apos;s full link (docs.google.com/forms/…).</source>
        <translation>Короткая ссылка forms.gle теряет код семьи: вставьте полную ссылку на форму (docs.google.com/forms/…).</translation>
    </message>
    <message>
        <source>Paste a pre-filled link with only the code question filled in, or write entry.123456.</source>
        <translation>Вставьте предзаполненную ссылку, где заполнен только вопрос с кодом, или напишите entry.123456.</translation>
    </message>
    <message>
        <source>The number is out of range.</source>
        <translation>Число вне допустимых пределов.</translation>
    </message>
    <message>
        <source>The last visit&apos;s period cannot be longer than the whole window.</source>
        <translation>Период последнего визита не может быть длиннее всего окна.</translation>
    </message>
    <message>
        <source>Choose the rule from the list.</source>
        <translation>Выберите правило из списка.</translation>
    </message>
    <message>
        <source>Importance is from 1 to 10.</source>
        <translation>Важность — от 1 до 10.</translation>
    </message>
    <message>
        <source>Enter at least one score or the comment.</source>
        <translation>Укажите хотя бы одну оценку или комментарий.</translation>
    </message>
    <message>
        <source>The family was sent a survey recently: tick &quot;Send anyway&quot; to send it again.</source>
        <translation>Семье недавно уже отправляли опрос: отметьте «Всё равно отправить», чтобы отправить ещё раз.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Дата ещё не наступила.</translation>
    </message>
    <message>
        <source>The score is from 0 to 10.</source>
        <translation>Оценка — от 0 до 10.</translation>
    </message>
    <message>
        <source>The score is from 1 to 5.</source>
        <translation>Оценка — от 1 до 5.</translation>
    </message>
    <message>
        <source>The score is outside the question&apos;s scale.</source>
        <translation>Оценка вне шкалы вопроса.</translation>
    </message>
    <message>
        <source>A satisfaction item is no longer in the list: open the form again.</source>
        <translation>Показателя удовлетворённости больше нет в списке: откройте форму заново.</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM.</source>
        <translation>Укажите месяц в виде ГГГГ-ММ.</translation>
    </message>
    <message>
        <source>The weight is from 1 to 5.</source>
        <translation>Вес — от 1 до 5.</translation>
    </message>
    <message>
        <source>The name is too long (200 characters at most).</source>
        <translation>Название слишком длинное (не больше 200 символов).</translation>
    </message>
    <message>
        <source>Keep at least one criterion.</source>
        <translation>Оставьте хотя бы один критерий.</translation>
    </message>
    <message>
        <source>Score this criterion: 0, 1 or 2.</source>
        <translation>Оцените этот критерий: 0, 1 или 2.</translation>
    </message>
    <message>
        <source>A criterion is scored 0, 1 or 2 (it may have been removed meanwhile).</source>
        <translation>Критерий оценивается на 0, 1 или 2 (возможно, его уже удалили).</translation>
    </message>
    <message>
        <source>Choose whose call or chat it was.</source>
        <translation>Выберите, чей это звонок или переписка.</translation>
    </message>
    <message>
        <source>Choose who scored it.</source>
        <translation>Выберите, кто оценивал.</translation>
    </message>
    <message>
        <source>Choose a call for a call, a conversation for a chat (or none).</source>
        <translation>Для звонка выберите звонок, для переписки — переписку (или ничего).</translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation>Неверная дата.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN — от 4 до 8 цифр.</translation>
    </message>
    <message>
        <source>A password is 8 characters or more (or use a PIN of 4 to 8 digits).</source>
        <translation>Пароль — от 8 знаков (или PIN из 4–8 цифр).</translation>
    </message>
    <message>
        <source>Choose the family they brought.</source>
        <translation>Выберите семью, которую привели.</translation>
    </message>
    <message>
        <source>A family cannot bring itself.</source>
        <translation>Семья не может привести саму себя.</translation>
    </message>
    <message>
        <source>That family is already counted as brought by someone.</source>
        <translation>Эта семья уже отмечена как приведённая кем-то.</translation>
    </message>
    <message>
        <source>This file is not a Desk database.</source>
        <translation>Этот файл не является базой Desk.</translation>
    </message>
    <message>
        <source>Some rows of the file are wrong (each is listed with its line): nothing was imported.</source>
        <translation>Некоторые строки файла с ошибками (каждая указана с номером строки): ничего не загружено.</translation>
    </message>
    <message>
        <source>This is not a server address. It looks like postgresql+psycopg://user@host:5432/database.</source>
        <translation>Это не адрес сервера. Адрес выглядит так: postgresql+psycopg://пользователь@сервер:5432/база.</translation>
    </message>
    <message>
        <source>Cannot reach the studio&apos;s server at {host}:{port}. Check that the server computer is on and on the network, and that the address and port are right.</source>
        <translation>Не удаётся связаться с сервером студии {host}:{port}. Проверьте, что компьютер-сервер включён и в сети, а адрес и порт указаны верно.</translation>
    </message>
    <message>
        <source>The server refused the password of the user {user}. Check the password (the keyboard layout and Caps Lock matter).</source>
        <translation>Сервер не принял пароль пользователя {user}. Проверьте пароль (важны раскладка клавиатуры и Caps Lock).</translation>
    </message>
    <message>
        <source>The server has no database named {database}. Check the name, or create the database as the README&apos;s &quot;Two PCs&quot; section shows.</source>
        <translation>На сервере нет базы {database}. Проверьте название или создайте базу, как описано в разделе «Two PCs» файла README.</translation>
    </message>
    <message>
        <source>The server&apos;s database already holds a studio&apos;s data: a studio is moved only into an empty database. Nothing was changed.</source>
        <translation>В базе на сервере уже есть данные студии: переносить можно только в пустую базу. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The copy on the server did not match the file, so nothing was kept on the server; the file is as it was. The details are in the log.</source>
        <translation>Копия на сервере не совпала с файлом, поэтому на сервере ничего не сохранено; файл остался прежним. Подробности — в журнале программы.</translation>
    </message>
    <message>
        <source>The database uses the {encoding} encoding with the character type {ctype}: Russian letters would be searched and sorted wrongly. Create it again with UTF-8 (for example the C.UTF-8 or ru_RU.UTF-8 locale).</source>
        <translation>База использует кодировку {encoding} с типом символов {ctype}: русские буквы будут искаться и сортироваться неверно. Создайте базу заново в UTF-8 (например, с локалью C.UTF-8 или ru_RU.UTF-8).</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Desk. Update Desk to open it; the file was not changed.</source>
        <translation>Эта база создана более новой версией Desk. Обновите Desk, чтобы открыть её; файл не изменён.</translation>
    </message>
    <message>
        <source>The database could not be upgraded. The file was left as it was.</source>
        <translation>Не удалось обновить базу. Файл оставлен без изменений.</translation>
    </message>
    <message>
        <source>The PIN or password is not right.</source>
        <translation>PIN или пароль не подходит.</translation>
    </message>
    <message>
        <source>Too many wrong tries: wait {seconds} s and try again.</source>
        <translation>Слишком много неверных попыток: подождите {seconds} с и попробуйте снова.</translation>
    </message>
    <message>
        <source>A supervisor looks, prints and exports; changes are made by the desk.</source>
        <translation>Руководитель смотрит, печатает и выгружает; изменения вносит стойка.</translation>
    </message>
    <message>
        <source>The database is open read-only: changes cannot be saved.</source>
        <translation>База открыта только для чтения: изменения не сохраняются.</translation>
    </message>
    <message>
        <source>The database is busy in another program. Try again in a moment; what you typed is kept.</source>
        <translation>База занята другой программой. Повторите через минуту — введённое не потеряется.</translation>
    </message>
    <message>
        <source>Another desk changed the same records at the same moment, so this change was not saved. Try again; what you typed is kept.</source>
        <translation>На другом компьютере в тот же момент меняли те же записи, поэтому это изменение не сохранилось. Попробуйте ещё раз — введённое не потеряно.</translation>
    </message>
    <message>
        <source>This Desk is newer than the studio&apos;s database. It can upgrade the database only while no other desk is connected; now connected: {names}. Ask them to quit Desk, then try again.</source>
        <translation>Эта версия Desk новее базы студии. Обновить базу можно, только когда к ней не подключены другие компьютеры; сейчас подключены: {names}. Попросите их закрыть Desk и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Этой записи больше нет.</translation>
    </message>
    <message>
        <source>Another copy of Desk has this database open.</source>
        <translation>Эта база уже открыта в другой копии Desk.</translation>
    </message>
    <message>
        <source>The child is enrolled in lessons to come: cancel them first.</source>
        <translation>Ребёнок записан на будущие занятия: сначала отмените записи.</translation>
    </message>
    <message>
        <source>It is not known whether the message arrived: check with the client.</source>
        <translation>Неизвестно, дошло ли сообщение: уточните у клиента.</translation>
    </message>
    <message>
        <source>This entry has already been reversed.</source>
        <translation>Эта запись уже сторнирована.</translation>
    </message>
    <message>
        <source>The studio is already set up.</source>
        <translation>Студия уже настроена.</translation>
    </message>
    <message>
        <source>The desk has no working hours: set them under Settings → Working hours.</source>
        <translation>У стойки не заданы часы работы: укажите их в меню Настройки → Часы работы.</translation>
    </message>
    <message>
        <source>Write the week as YYYY-Www, for example 2026-W10.</source>
        <translation>Укажите неделю в виде ГГГГ-Wнн, например 2026-W10.</translation>
    </message>
    <message>
        <source>Desk cannot write this database or its folder (it is read-only). Copy the file to a folder you can write and open it there.</source>
        <translation>Desk не может записывать в эту базу или её папку (только для чтения). Скопируйте файл в папку, куда можно писать, и откройте его там.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again; what you typed is kept.</source>
        <translation>Диск заполнен: ничего не сохранено. Освободите место и повторите; введённое не пропало.</translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation>Не удалось сделать резервную копию.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <source>The system&apos;s password store is not available on this computer.</source>
        <translation>Системное хранилище паролей на этом компьютере недоступно.</translation>
    </message>
    <message>
        <source>The file could not be imported.</source>
        <translation>Не удалось импортировать файл.</translation>
    </message>
    <message>
        <source>This type of file cannot be written here: choose one of the types offered.</source>
        <translation>Файл такого типа здесь не записать: выберите один из предложенных типов.</translation>
    </message>
    <message>
        <source>The message changed meanwhile (it may be on its way): look at it again.</source>
        <translation>Сообщение за это время изменилось (возможно, уже отправляется): посмотрите ещё раз.</translation>
    </message>
    <message>
        <source>The file could not be written there (the folder is missing or read-only, or the disk is full). Choose another folder.</source>
        <translation>Файл не удалось записать (папки нет, она только для чтения или диск заполнен). Выберите другую папку.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Отменено: ничего не записано.</translation>
    </message>
    <message>
        <source>The lesson is full.</source>
        <translation>Мест на занятии нет.</translation>
    </message>
    <message>
        <source>Confirm the large amounts before posting them.</source>
        <translation>Подтвердите крупные суммы, прежде чем проводить их.</translation>
    </message>
    <message>
        <source>A line has no amount or no family: check the lines again.</source>
        <translation>В строке нет суммы или семьи: проверьте строки ещё раз.</translation>
    </message>
    <message>
        <source>A sign or a dash is glued to the amount: write the amount without it.</source>
        <translation>К сумме приписан знак или дефис: напишите сумму без него.</translation>
    </message>
    <message>
        <source>The amount is zero.</source>
        <translation>Сумма равна нулю.</translation>
    </message>
    <message>
        <source>This is not an amount (an exponent): write it as 2500 or 2 500,50.</source>
        <translation>Это не сумма (запись с экспонентой): напишите 2500 или 2 500,50.</translation>
    </message>
    <message>
        <source>Letters inside the number: write it as 2500 or 2 500,50.</source>
        <translation>Буквы внутри числа: напишите 2500 или 2 500,50.</translation>
    </message>
    <message>
        <source>The amount can be read two ways: write it as 2500 or 2 500,50.</source>
        <translation>Сумму можно прочитать по-разному: напишите 2500 или 2 500,50.</translation>
    </message>
    <message>
        <source>The amount is over 10 000 000 ₽.</source>
        <translation>Сумма больше 10 000 000 ₽.</translation>
    </message>
    <message>
        <source>No amount in this line.</source>
        <translation>В строке нет суммы.</translation>
    </message>
    <message>
        <source>More than one amount in this line.</source>
        <translation>В строке больше одной суммы.</translation>
    </message>
    <message>
        <source>No name in this line.</source>
        <translation>В строке нет имени.</translation>
    </message>
    <message>
        <source>No family with this name.</source>
        <translation>Семьи с таким именем нет.</translation>
    </message>
    <message>
        <source>Several families fit: choose one.</source>
        <translation>Подходят несколько семей: выберите одну.</translation>
    </message>
    <message>
        <source>No parent and no child name.</source>
        <translation>Нет имени ни родителя, ни ребёнка.</translation>
    </message>
    <message>
        <source>No phone and no e-mail.</source>
        <translation>Нет ни телефона, ни e-mail.</translation>
    </message>
    <message>
        <source>Not a valid phone: {value}</source>
        <translation>Неверный телефон: {value}</translation>
    </message>
    <message>
        <source>Not a valid e-mail: {value}</source>
        <translation>Неверный e-mail: {value}</translation>
    </message>
    <message>
        <source>Not a valid Telegram name: {value}</source>
        <translation>Неверное имя в Telegram: {value}</translation>
    </message>
    <message>
        <source>Not a date: {value} (write DD.MM.YYYY or YYYY-MM-DD)</source>
        <translation>Это не дата: {value} (пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>A birth date without a child&apos;s name.</source>
        <translation>Дата рождения без имени ребёнка.</translation>
    </message>
    <message>
        <source>The column &quot;{value}&quot; is over 10 000 characters.</source>
        <translation>В столбце «{value}» больше 10 000 символов.</translation>
    </message>
    <message>
        <source>The column &quot;{value}&quot; holds invisible control characters.</source>
        <translation>В столбце «{value}» есть невидимые управляющие символы.</translation>
    </message>
    <message>
        <source>Choose a .csv or .xlsx file.</source>
        <translation>Выберите файл .csv или .xlsx.</translation>
    </message>
    <message>
        <source>The file is damaged or is not an Excel workbook: nothing was imported.</source>
        <translation>Файл повреждён или это не книга Excel: ничего не импортировано.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Файл не удаётся прочитать.</translation>
    </message>
    <message>
        <source>The file is not there any more.</source>
        <translation>Файла больше нет на месте.</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor Windows-1251 text: save it from Excel as &quot;CSV UTF-8&quot;.</source>
        <translation>Файл не в кодировке UTF-8 и не Windows-1251: сохраните его из Excel как «CSV UTF-8».</translation>
    </message>
    <message>
        <source>The file is broken at line {line}: nothing was imported.</source>
        <translation>Файл испорчен в строке {line}: ничего не импортировано.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пустой.</translation>
    </message>
    <message>
        <source>The first line has no &quot;Родитель&quot; or &quot;Ребёнок&quot; column (or &quot;parent&quot;, &quot;child&quot;).</source>
        <translation>В первой строке нет столбца «Родитель» или «Ребёнок» (или «parent», «child»).</translation>
    </message>
    <message>
        <source>Some rows have errors: nothing was imported.</source>
        <translation>В некоторых строках ошибки: ничего не импортировано.</translation>
    </message>
    <message>
        <source>Decide for every row whose phone belongs to another family.</source>
        <translation>Решите для каждой строки с телефоном другой семьи, что с ней сделать.</translation>
    </message>
    <message>
        <source>The families changed since the file was checked: check it again.</source>
        <translation>Семьи изменились после проверки файла: проверьте его ещё раз.</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Родитель</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Строка {line}: {problem}</translation>
    </message>
    <message>
        <source>The template cannot be filled in: check the placeholders in braces.</source>
        <translation>Шаблон не заполняется: проверьте подстановки в фигурных скобках.</translation>
    </message>
    <message>
        <source>The lesson is cancelled.</source>
        <translation>Занятие отменено.</translation>
    </message>
    <message>
        <source>No connection to the channel.</source>
        <translation>Нет связи с каналом.</translation>
    </message>
    <message>
        <source>The channel refused the message.</source>
        <translation>Канал отказался принять сообщение.</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Goes at</source>
        <translation>Уйдёт</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <source>It arrived</source>
        <translation>Оно дошло</translation>
    </message>
    <message>
        <source>Cancel the message</source>
        <translation>Отменить сообщение</translation>
    </message>
    <message>
        <source>not delivered: {reason}</source>
        <translation>не доставлено: {reason}</translation>
    </message>
    <message>
        <source>delivery not confirmed: {reason}</source>
        <translation>доставка не подтверждена: {reason}</translation>
    </message>
    <message>
        <source>being handed over</source>
        <translation>передаётся</translation>
    </message>
    <message>
        <source>retrying ({n}): {reason}</source>
        <translation>повторяем ({n}): {reason}</translation>
    </message>
    <message>
        <source>waits for its time</source>
        <translation>ждёт своего времени</translation>
    </message>
    <message>
        <source>goes now</source>
        <translation>уходит сейчас</translation>
    </message>
    <message numerus="yes">
        <source>Not gone yet: %n message(s)</source>
        <translation>
            <numerusform>Не отправлено: %n сообщение</numerusform>
            <numerusform>Не отправлено: %n сообщения</numerusform>
            <numerusform>Не отправлено: %n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Отправить ещё раз</translation>
    </message>
    <message>
        <source>Delivery not confirmed</source>
        <translation>Доставка не подтверждена</translation>
    </message>
    <message>
        <source>It may have arrived already: sending it again may give the client a second copy. Send it again?</source>
        <translation>Оно могло уже дойти: если отправить ещё раз, клиент может получить второй экземпляр. Отправить ещё раз?</translation>
    </message>
</context>
<context>
    <name>PaperAnswerDialog</name>
    <message>
        <source>Paper answer</source>
        <translation>Ответ с бумажной анкеты</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>без подписи</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Без подписи</translation>
    </message>
    <message>
        <source>The name written on the form, if any</source>
        <translation>Имя, написанное в анкете, если есть</translation>
    </message>
    <message>
        <source>Survey:</source>
        <translation>Опрос:</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Семья:</translation>
    </message>
    <message>
        <source>Name on the form:</source>
        <translation>Имя в анкете:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Would recommend (0–10):</source>
        <translation>Порекомендуют (0–10):</translation>
    </message>
    <message>
        <source>Satisfied overall (1–5):</source>
        <translation>Довольны в целом (1–5):</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>PaymentRulesDialog</name>
    <message>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>A large payment, to confirm, from (₽):</source>
        <translation>Крупный платёж (нужно подтверждение) от, ₽:</translation>
    </message>
    <message>
        <source>The same payment again is a repeat within:</source>
        <translation>Тот же платёж считается повтором в течение:</translation>
    </message>
</context>
<context>
    <name>PaymentsDialog</name>
    <message>
        <source>Post payments</source>
        <translation>Разнести платежи</translation>
    </message>
    <message>
        <source>One payment per line: amount and the surname and first name of a parent or a child, e.g.
2500 Демин Саша
2 500,50 ₽ Ёлкин Саша</source>
        <translation>По одному платежу в строке: сумма, фамилия и имя родителя или ребёнка, например
2500 Демин Саша
2 500,50 ₽ Ёлкин Саша</translation>
    </message>
    <message>
        <source>Check the lines</source>
        <translation>Проверить строки</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation>Нужно решение</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Провести</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ:</translation>
    </message>
    <message>
        <source>— choose the family —</source>
        <translation>— выберите семью —</translation>
    </message>
    <message>
        <source>Lines {lines} were posted in the meantime and were left out.</source>
        <translation>Строки {lines} за это время уже провели, они пропущены.</translation>
    </message>
    <message numerus="yes">
        <source>Ready to post: %n line(s)</source>
        <translation>
            <numerusform>Готово к проведению: %n строка</numerusform>
            <numerusform>Готово к проведению: %n строки</numerusform>
            <numerusform>Готово к проведению: %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>A repeat: post it again</source>
        <translation>Повтор — провести ещё раз</translation>
    </message>
    <message numerus="yes">
        <source>The same family got the same amount under this name in the last %n day(s). Tick it only if this is a second payment.</source>
        <translation>
            <numerusform>Эта сумма с этим именем уже зачислена семье за последний %n день. Отметьте, только если это действительно второй платёж.</numerusform>
            <numerusform>Эта сумма с этим именем уже зачислена семье за последние %n дня. Отметьте, только если это действительно второй платёж.</numerusform>
            <numerusform>Эта сумма с этим именем уже зачислена семье за последние %n дней. Отметьте, только если это действительно второй платёж.</numerusform>
        </translation>
    </message>
    <message>
        <source>A large amount: it is right</source>
        <translation>Крупная сумма — верно</translation>
    </message>
    <message>
        <source>Over {limit}: check the amount before posting it.</source>
        <translation>Больше {limit}: проверьте сумму перед проведением.</translation>
    </message>
    <message numerus="yes">
        <source>%n repeat(s) of recent payments will not be posted.</source>
        <translation>
            <numerusform>%n повтор недавнего платежа не будет проведён.</numerusform>
            <numerusform>%n повтора недавних платежей не будут проведены.</numerusform>
            <numerusform>%n повторов недавних платежей не будут проведены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) need attention and will not be posted.</source>
        <translation>
            <numerusform>%n строка требует внимания и не будет проведена.</numerusform>
            <numerusform>%n строки требуют внимания и не будут проведены.</numerusform>
            <numerusform>%n строк требуют внимания и не будут проведены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Posted: %n payment(s)</source>
        <translation>
            <numerusform>Проведён %n платёж</numerusform>
            <numerusform>Проведено %n платежа</numerusform>
            <numerusform>Проведено %n платежей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN or password</source>
        <translation>PIN или пароль</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits, a password 8 characters or more. Another person&apos;s is reset when they have forgotten it: tell them the new one.</source>
        <translation>PIN — от 4 до 8 цифр, пароль — от 8 знаков. Чужой сбрасывают, когда человек его забыл: сообщите ему новый.</translation>
    </message>
    <message>
        <source>Whose:</source>
        <translation>Чей:</translation>
    </message>
    <message>
        <source>New PIN or password:</source>
        <translation>Новый PIN или пароль:</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>The two do not match: type them again.</source>
        <translation>Не совпадает: введите оба раза заново.</translation>
    </message>
</context>
<context>
    <name>PrintoutDialog</name>
    <message>
        <source>Count again</source>
        <translation>Пересчитать</translation>
    </message>
    <message>
        <source>The checklist is made from the database as it is now</source>
        <translation>Чек-лист строится по базе в её текущем состоянии</translation>
    </message>
    <message>
        <source>Printed and kept in the archive</source>
        <translation>Напечатано и сохранено в архиве</translation>
    </message>
    <message>
        <source>Saved to {path} and kept in the archive</source>
        <translation>Сохранено в {path} и в архиве</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <source>Call and chat quality</source>
        <translation>Качество звонков и переписки</translation>
    </message>
    <message>
        <source>New sheet…</source>
        <translation>Новый лист…</translation>
    </message>
    <message>
        <source>Blank form…</source>
        <translation>Пустой бланк…</translation>
    </message>
    <message>
        <source>Whose work:</source>
        <translation>Чья работа:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Call or chat</source>
        <translation>Звонок или переписка</translation>
    </message>
    <message>
        <source>Scored by</source>
        <translation>Кто оценил</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Remove sheet…</source>
        <translation>Удалить лист…</translation>
    </message>
    <message>
        <source>A sheet entered by mistake (a supervisor removes only their own)</source>
        <translation>Лист, внесённый по ошибке (руководитель удаляет только свои)</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>Печатная форма</translation>
    </message>
    <message>
        <source> — failed</source>
        <translation> — не засчитан</translation>
    </message>
    <message>
        <source> (paper)</source>
        <translation> (бумажный)</translation>
    </message>
    <message>
        <source>{n} sheets ({calls} calls, {chats} chats), average {avg}%, failed {fails}</source>
        <translation>Листов: {n} (звонков: {calls}, переписок: {chats}), в среднем {avg}%, не засчитано: {fails}</translation>
    </message>
    <message>
        <source>; weakest: {name} ({p}%)</source>
        <translation>; слабое место: {name} ({p}%)</translation>
    </message>
    <message>
        <source>No sheets this month</source>
        <translation>В этом месяце листов нет</translation>
    </message>
    <message>
        <source>No call or chat of this month was scored by two supervisors.</source>
        <translation>В этом месяце ни один звонок или переписку не оценили двое руководителей.</translation>
    </message>
    <message>
        <source> (automatic fail)</source>
        <translation> (критичный)</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Примечание: {note}</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Разница</translation>
    </message>
    <message>
        <source>{a}: {pa}%, {b}: {pb}%; {n} criteria scored differently</source>
        <translation>{a}: {pa}%, {b}: {pb}%; по-разному оценено критериев: {n}</translation>
    </message>
    <message>
        <source>Remove the sheet of {when} scored by {who}?</source>
        <translation>Удалить лист от {when}, оценённый {who}?</translation>
    </message>
    <message>
        <source>Save the quality sheets</source>
        <translation>Сохранить листы оценки качества</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Waiting</source>
        <translation>Ждёт</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Последнее сообщение</translation>
    </message>
    <message>
        <source>Not linked to a family yet: an application</source>
        <translation>Ещё не привязан к семье: это заявка</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reject the item</source>
        <translation>Отклонить отзыв</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Почему:</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Any tone</source>
        <translation>Любой тон</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любой тег</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>Любое направление</translation>
    </message>
    <message>
        <source>Any teacher</source>
        <translation>Любой педагог</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Любой источник</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Отклонить…</translation>
    </message>
    <message>
        <source>In work</source>
        <translation>В работу</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <source>Tell the clients…</source>
        <translation>Сообщить клиентам…</translation>
    </message>
    <message>
        <source>Same as…</source>
        <translation>То же, что…</translation>
    </message>
    <message>
        <source>Link to an item that says the same: it follows that item&apos;s status</source>
        <translation>Связать с отзывом о том же: статус будет общим</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Шаблон…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Теги…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Every item to Excel (XLSX)…</source>
        <translation>Все отзывы в Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Report for the period (PDF)…</source>
        <translation>Отчёт за период (PDF)…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Передано дел</translation>
    </message>
    <message>
        <source>By tag and month</source>
        <translation>По тегам и месяцам</translation>
    </message>
    <message>
        <source>“We changed it” template</source>
        <translation>Шаблон «Мы изменили по вашему отзыву»</translation>
    </message>
    <message>
        <source>Placeholders: {parent} — the parent&apos;s first name, {said} — what the client said, {change} — what the studio changed, {studio} — the studio.</source>
        <translation>Подстановки: {parent} — имя родителя, {said} — что сказал клиент, {change} — что изменила студия, {studio} — название студии.</translation>
    </message>
    <message>
        <source>feedback {first} — {last}</source>
        <translation>отзывы {first} — {last}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Экспорт реестра</translation>
    </message>
    <message>
        <source>Saved {n} items to {path}</source>
        <translation>Сохранено отзывов: {n} — {path}</translation>
    </message>
    <message>
        <source>Shown {n} of {total}</source>
        <translation>Показано {n} из {total}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>(no tag)</source>
        <translation>(без тега)</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>child: {name}</source>
        <translation>ребёнок: {name}</translation>
    </message>
    <message>
        <source>recorded by {name}</source>
        <translation>внёс(ла): {name}</translation>
    </message>
    <message>
        <source>answer to the client: {state}</source>
        <translation>ответ клиенту: {state}</translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation>отклонено: {reason}</translation>
    </message>
    <message>
        <source>follows item {id}</source>
        <translation>следует за отзывом № {id}</translation>
    </message>
</context>
<context>
    <name>ReplyTemplatesDialog</name>
    <message>
        <source>Answer templates</source>
        <translation>Шаблоны ответов</translation>
    </message>
    <message>
        <source>Placeholders: {parent}, {child}, {studio}, {direction}, {date}, {teacher}, {balance}; in the after-hours text also {hours}. What Desk cannot know is asked when answering.</source>
        <translation>Подстановки: {parent}, {child}, {studio}, {direction}, {date}, {teacher}, {balance}; в ответе в нерабочее время ещё {hours}. Чего Desk не знает, он спросит при ответе.</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <source>The template was changed and not saved. Drop the changes?</source>
        <translation>Шаблон изменён и не сохранён. Отменить изменения?</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message numerus="yes">
        <source>last %n day(s)</source>
        <translation>
            <numerusform>последний %n день</numerusform>
            <numerusform>последние %n дня</numerusform>
            <numerusform>последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответов</translation>
    </message>
    <message>
        <source>Within a minute</source>
        <translation>За минуту</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>Среднее ожидание</translation>
    </message>
    <message>
        <source>First answer</source>
        <translation>Первый ответ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <source>Resolved at once</source>
        <translation>Решено сразу</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>Кто отвечал</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>По сотрудникам</translation>
    </message>
    <message>
        <source>Answered within a minute: {share} of {n}; resolved at once (FCR): {fcr}</source>
        <translation>Ответили в течение минуты: {share} из {n}; решено с первого обращения (FCR): {fcr}</translation>
    </message>
    <message>
        <source>the desk</source>
        <translation>автоответ</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse the entry</source>
        <translation>Сторнировать операцию</translation>
    </message>
    <message>
        <source>The entry of {amount} stays in the ledger and a correction cancels it.</source>
        <translation>Операция на {amount} останется в журнале, её отменит корректирующая запись.</translation>
    </message>
    <message>
        <source>e.g. posted to the wrong family</source>
        <translation>например, зачислили не той семье</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>RoomsEditor</name>
    <message>
        <source>New room</source>
        <translation>Новый зал</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Roster</source>
        <translation>Состав занятия</translation>
    </message>
    <message>
        <source>The client cancelled</source>
        <translation>Клиент отменил</translation>
    </message>
    <message>
        <source>Off the roster, never charged; the first on the waitlist is offered the place</source>
        <translation>Снять с записи без списания; первому из листа ожидания предложат место</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Записать…</translation>
    </message>
    <message>
        <source>Lesson sheet…</source>
        <translation>Лист занятия…</translation>
    </message>
    <message>
        <source>For the teacher: the roster with first-timers, room for marks and notes; printed</source>
        <translation>Для педагога: список с новичками, место для отметок и заметок; на печать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Waitlist:</source>
        <translation>Лист ожидания:</translation>
    </message>
    <message>
        <source>Places: {enrolled} of {capacity} taken</source>
        <translation>Занято мест: {enrolled} из {capacity}</translation>
    </message>
    <message>
        <source>first time</source>
        <translation>впервые</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Все направления</translation>
    </message>
    <message>
        <source>All teachers</source>
        <translation>Все педагоги</translation>
    </message>
    <message>
        <source>New lesson…</source>
        <translation>Новое занятие…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Записать…</translation>
    </message>
    <message>
        <source>Roster…</source>
        <translation>Состав…</translation>
    </message>
    <message>
        <source>Cancel the lesson…</source>
        <translation>Отменить занятие…</translation>
    </message>
    <message>
        <source>Export the week…</source>
        <translation>Выгрузить неделю…</translation>
    </message>
    <message>
        <source>An .ics calendar or a .csv table for the client portal</source>
        <translation>Календарь .ics или таблица .csv для личного кабинета клиентов</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n занятие</numerusform>
            <numerusform>%n занятия</numerusform>
            <numerusform>%n занятий</numerusform>
        </translation>
    </message>
    <message>
        <source>, {taken} of {places} places taken</source>
        <translation>, занято {taken} из {places} мест</translation>
    </message>
    <message>
        <source>Export the week</source>
        <translation>Выгрузка недели</translation>
    </message>
    <message>
        <source>Calendar (*.ics);;Table (*.csv)</source>
        <translation>Календарь (*.ics);;Таблица (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lesson(s)</source>
        <translation>
            <numerusform>Выгружено %n занятие</numerusform>
            <numerusform>Выгружено %n занятия</numerusform>
            <numerusform>Выгружено %n занятий</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the lesson</source>
        <translation>Отмена занятия</translation>
    </message>
    <message>
        <source>{direction}, {when}: the lesson leaves the schedule, charges are reversed and the Communicator gets a task for every enrolled family. Reason:</source>
        <translation>{direction}, {when}: занятие уйдёт из расписания, списания вернутся, а Коммуникатор получит задачу по каждой записанной семье. Причина:</translation>
    </message>
    <message numerus="yes">
        <source>The lesson is cancelled. Families to tell: %n (tasks for the Communicator).</source>
        <translation>
            <numerusform>Занятие отменено. Сообщить %n семье (задачи у Коммуникатора).</numerusform>
            <numerusform>Занятие отменено. Сообщить %n семьям (задачи у Коммуникатора).</numerusform>
            <numerusform>Занятие отменено. Сообщить %n семьям (задачи у Коммуникатора).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptCallDialog</name>
    <message>
        <source>Call: {script}</source>
        <translation>Звонок: {script}</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>нет телефона</translation>
    </message>
    <message>
        <source>The client&apos;s words</source>
        <translation>Слова клиента</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>In their words:</source>
        <translation>Своими словами:</translation>
    </message>
    <message>
        <source>Anything else worth keeping on the card</source>
        <translation>Что ещё стоит сохранить в карточке</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>End the call</source>
        <translation>Завершить звонок</translation>
    </message>
    <message>
        <source>The client hung up or the call went another way: choose the outcome now</source>
        <translation>Клиент положил трубку или разговор пошёл иначе: выберите итог сразу</translation>
    </message>
    <message>
        <source>Next (Ctrl+Enter)</source>
        <translation>Дальше (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save the call</source>
        <translation>Сохранить звонок</translation>
    </message>
    <message>
        <source>How did the call end?</source>
        <translation>Чем закончился звонок?</translation>
    </message>
    <message>
        <source>Choose one of the answers above.</source>
        <translation>Выберите один из ответов выше.</translation>
    </message>
    <message>
        <source>The answers will appear here.</source>
        <translation>Здесь появятся ответы.</translation>
    </message>
    <message>
        <source>No task follows.</source>
        <translation>Задача не появится.</translation>
    </message>
    <message>
        <source>Next task: {task} (within half an hour of working time)</source>
        <translation>Следующая задача: {task} (в течение получаса рабочего времени)</translation>
    </message>
    <message numerus="yes">
        <source>Next task: {task} (in %n day(s))</source>
        <translation>
            <numerusform>Следующая задача: {task} (через %n день)</numerusform>
            <numerusform>Следующая задача: {task} (через %n дня)</numerusform>
            <numerusform>Следующая задача: {task} (через %n дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>On the line {time}</source>
        <translation>Разговор идёт {time}</translation>
    </message>
    <message>
        <source>Close without saving? The answers of this call will be lost.</source>
        <translation>Закрыть без сохранения? Ответы этого звонка пропадут.</translation>
    </message>
</context>
<context>
    <name>ScriptsDialog</name>
    <message>
        <source>Call scripts</source>
        <translation>Скрипты звонков</translation>
    </message>
    <message>
        <source>New script</source>
        <translation>Новый скрипт</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Добавить шаг</translation>
    </message>
    <message>
        <source>Remove the step</source>
        <translation>Удалить шаг</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Ask only when the score is from</source>
        <translation>Спрашивать, только если оценка от</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Дальше</translation>
    </message>
    <message>
        <source>Add an answer</source>
        <translation>Добавить ответ</translation>
    </message>
    <message>
        <source>Remove the answer</source>
        <translation>Удалить ответ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Следующая задача</translation>
    </message>
    <message>
        <source>In days</source>
        <translation>Через, дней</translation>
    </message>
    <message>
        <source>Add an outcome</source>
        <translation>Добавить итог</translation>
    </message>
    <message>
        <source>Remove the outcome</source>
        <translation>Удалить итог</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Placeholders: {parent}, {child}, {studio}, {me} (who is calling)</source>
        <translation>Подстановки: {parent}, {child}, {studio}, {me} (кто звонит)</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>Ответы:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Used for:</source>
        <translation>Назначение:</translation>
    </message>
    <message>
        <source>Steps, in the order they are asked:</source>
        <translation>Шаги в порядке разговора:</translation>
    </message>
    <message>
        <source>Outcomes: how a call can end, and the task it sets (empty: no task; 0 days: within half an hour)</source>
        <translation>Итоги: чем может закончиться звонок и какую задачу это ставит (пусто — без задачи; 0 дней — в течение получаса)</translation>
    </message>
    <message>
        <source>The script has unsaved changes. Drop them?</source>
        <translation>В скрипте есть несохранённые изменения. Отменить их?</translation>
    </message>
    <message>
        <source>Talked</source>
        <translation>Поговорили</translation>
    </message>
    <message>
        <source>Remove the script &quot;{name}&quot;? Calls made with it keep their answers.</source>
        <translation>Удалить скрипт «{name}»? Звонки, сделанные по нему, сохранят ответы.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>следующий шаг</translation>
    </message>
    <message>
        <source>step {n}: {text}</source>
        <translation>шаг {n}: {text}</translation>
    </message>
    <message>
        <source>end: {outcome}</source>
        <translation>конец: {outcome}</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <source>Step {n}: {problem}</source>
        <translation>Шаг {n}: {problem}</translation>
    </message>
    <message>
        <source>Outcome {n}: {problem}</source>
        <translation>Итог {n}: {problem}</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Remind: {name}</source>
        <translation>Напоминание: {name}</translation>
    </message>
    <message>
        <source>Send: {name}</source>
        <translation>Рассылка: {name}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Import the latest answers first: a family whose answer is not in the desk yet would be reminded too.</source>
        <translation>Сначала загрузите свежие ответы: семье, чей ответ ещё не загружен, тоже придёт напоминание.</translation>
    </message>
    <message>
        <source>Will get it: {n}. Skipped: no consent {a}, had a survey recently {b}, budget spent {c}, no channel {d}, channel not set up {e}.</source>
        <translation>Получат: {n}. Пропущены: нет согласия — {a}, недавно был опрос — {b}, лимит контактов исчерпан — {c}, нет канала — {d}, канал не настроен — {e}.</translation>
    </message>
    <message>
        <source>Nobody is due a reminder now.</source>
        <translation>Сейчас напоминать некому.</translation>
    </message>
    <message>
        <source>No family fits the survey&apos;s rule now.</source>
        <translation>Сейчас ни одна семья не подходит под правило опроса.</translation>
    </message>
    <message>
        <source>Send to {n}</source>
        <translation>Отправить ({n})</translation>
    </message>
</context>
<context>
    <name>SendSurveyDialog</name>
    <message>
        <source>Send a survey</source>
        <translation>Отправить опрос</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Всё равно отправить</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Скопировать текст</translation>
    </message>
    <message>
        <source>To send it yourself where the desk cannot</source>
        <translation>Чтобы отправить самим, где стойка не может</translation>
    </message>
    <message>
        <source>Survey:</source>
        <translation>Опрос:</translation>
    </message>
    <message>
        <source>Goes by:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>The studio&apos;s server</source>
        <translation>Сервер студии</translation>
    </message>
    <message>
        <source>Both desks work on one database on the studio&apos;s PostgreSQL server. Ask whoever set it up for these details (the README&apos;s &quot;Two PCs&quot; section shows how).</source>
        <translation>Оба рабочих места работают с одной базой на сервере PostgreSQL студии. Эти данные даст тот, кто настраивал сервер (как это сделать — в разделе «Two PCs» файла README).</translation>
    </message>
    <message>
        <source>e.g. office-pc or 192.168.1.10</source>
        <translation>например, office-pc или 192.168.1.10</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}, {encoding} ({ctype}){ro}.</source>
        <translation>Подключено: PostgreSQL {version}, {encoding} ({ctype}){ro}.</translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation>, только чтение</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Desk — first start</source>
        <translation>Desk — первый запуск</translation>
    </message>
    <message>
        <source>Tell Desk about your studio. You can add more staff later.</source>
        <translation>Расскажите Desk о студии. Сотрудников можно добавить и позже.</translation>
    </message>
    <message>
        <source>e.g. Creative Kids</source>
        <translation>например, «Мастерская детства»</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Добавить сотрудника</translation>
    </message>
    <message>
        <source>The studio&apos;s server…</source>
        <translation>Сервер студии…</translation>
    </message>
    <message>
        <source>Two or more PCs: connect to the studio&apos;s PostgreSQL server instead of keeping the studio on this PC</source>
        <translation>Два компьютера и больше: подключиться к серверу PostgreSQL студии, а не хранить студию на этом компьютере</translation>
    </message>
    <message>
        <source>Only this PC works with the studio? Fill in the form. Two or more PCs share it on a server? Connect to it:</source>
        <translation>Со студией работает только этот компьютер? Заполните форму ниже. Студия на сервере для нескольких компьютеров? Подключитесь к нему:</translation>
    </message>
    <message>
        <source>Start working</source>
        <translation>Начать работу</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Имя и фамилия</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message>
        <source>Quality sheet</source>
        <translation>Лист оценки качества</translation>
    </message>
    <message>
        <source>What went well, what to work on</source>
        <translation>Что получилось, над чем поработать</translation>
    </message>
    <message>
        <source>Entered from a paper sheet</source>
        <translation>Внесено с бумажного листа</translation>
    </message>
    <message>
        <source>Whose work:</source>
        <translation>Чья работа:</translation>
    </message>
    <message>
        <source>Call or chat:</source>
        <translation>Звонок или переписка:</translation>
    </message>
    <message>
        <source>Which one:</source>
        <translation>Какой именно:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Scored by:</source>
        <translation>Кто оценил:</translation>
    </message>
    <message>
        <source>0 — not done, 1 — partly, 2 — done. A criterion marked &quot;automatic fail&quot; scored 0 fails the whole sheet.</source>
        <translation>0 — не сделано, 1 — частично, 2 — сделано. Если критичный критерий оценён на 0, лист не засчитывается.</translation>
    </message>
    <message>
        <source> (automatic fail)</source>
        <translation> (критичный)</translation>
    </message>
    <message>
        <source>weight {w}</source>
        <translation>вес {w}</translation>
    </message>
    <message>
        <source>— none (not in the database) —</source>
        <translation>— нет (не в базе) —</translation>
    </message>
    <message>
        <source>Result: 0% — failed (an automatic-fail criterion scored 0)</source>
        <translation>Результат: 0% — лист не засчитан (критичный критерий оценён на 0)</translation>
    </message>
    <message>
        <source>Result so far: {p}% ({n} criteria not scored yet)</source>
        <translation>Пока {p}% — ещё не оценено критериев: {n}</translation>
    </message>
    <message>
        <source>Result: {p}%</source>
        <translation>Результат: {p}%</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>System person</source>
        <translation>Человек-Система</translation>
    </message>
    <message>
        <source>Communicator</source>
        <translation>Коммуникатор</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Семьи</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Открываю базу…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Forgot it? A colleague or a supervisor sets a new one: Settings → &quot;PIN or password…&quot;.</source>
        <translation>Забыли? Новый задаст коллега или руководитель: Настройки → «PIN или пароль…».</translation>
    </message>
    <message>
        <source>PIN or password:</source>
        <translation>PIN или пароль:</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>Кто работает?</translation>
    </message>
    <message>
        <source>Demo studio: no PIN is needed.</source>
        <translation>Демо-студия: PIN не нужен.</translation>
    </message>
    <message>
        <source>No PIN yet: make one up — 4 to 8 digits, or a password of 8 characters or more — and type it twice.</source>
        <translation>PIN ещё нет: придумайте его — от 4 до 8 цифр или пароль от 8 знаков — и введите дважды.</translation>
    </message>
    <message>
        <source>The two do not match: type them again.</source>
        <translation>Не совпадает: введите оба раза заново.</translation>
    </message>
</context>
<context>
    <name>StudioDialog</name>
    <message>
        <source>Directions, teachers and rooms</source>
        <translation>Направления, педагоги и залы</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Направления</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Педагоги</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Залы</translation>
    </message>
</context>
<context>
    <name>StudioFields</name>
    <message>
        <source>Studio name:</source>
        <translation>Название студии:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
</context>
<context>
    <name>StudioSettingsDialog</name>
    <message>
        <source>Studio and staff</source>
        <translation>Студия и сотрудники</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>A desk nobody touches this long locks itself; it is unlocked with the PIN or password (someone without a PIN is not locked)</source>
        <translation>Программа, которую столько времени никто не трогает, блокируется сама и открывается PIN или паролем (у кого нет PIN, тот не блокируется)</translation>
    </message>
    <message>
        <source>Lock the desk after idle:</source>
        <translation>Блокировать без действий через:</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Добавить сотрудника</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Имя и фамилия</translation>
    </message>
    <message>
        <source>Untick for someone who left: they stay in the journal</source>
        <translation>Снимите отметку, если сотрудник ушёл: в журнале он останется</translation>
    </message>
    <message>
        <source>The time zone changes to {zone}. Should the lessons to come keep their clock times (a lesson at 17:00 stays at 17:00) or the same moments (the clock times shift)?</source>
        <translation>Часовой пояс меняется на {zone}. Будущие занятия сохраняют время по часам (занятие в 17:00 остаётся в 17:00) или тот же момент (время по часам сдвинется)?</translation>
    </message>
    <message>
        <source>Keep the clock times</source>
        <translation>Сохранить время по часам</translation>
    </message>
    <message>
        <source>Keep the moments</source>
        <translation>Сохранить моменты</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <source>Survey</source>
        <translation>Опрос</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>Новый опрос</translation>
    </message>
    <message>
        <source>entry.123456, or the pre-filled link</source>
        <translation>entry.123456 или предзаполненная ссылка</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Filled in for each family: {names}</source>
        <translation>Подставляются для каждой семьи: {names}</translation>
    </message>
    <message>
        <source> days after the invitation</source>
        <translation> дн. после приглашения</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Используется</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Form link:</source>
        <translation>Ссылка на форму:</translation>
    </message>
    <message>
        <source>Code question:</source>
        <translation>Вопрос для кода:</translation>
    </message>
    <message>
        <source>Add a short-answer question &quot;Family code&quot; to the form. In Google Forms: ⋮ → Get pre-filled link, type anything into that question, copy the link and paste it here. Each family&apos;s invitation then carries its code, and its answer is matched exactly.</source>
        <translation>Добавьте в форму вопрос с коротким ответом «Код семьи». В Google Формах: ⋮ → «Получить ссылку на заполненную форму», впишите в этот вопрос что угодно, скопируйте ссылку и вставьте сюда. Тогда в приглашении каждой семьи будет её код, и ответ сопоставится точно.</translation>
    </message>
    <message>
        <source>Who gets it:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Приглашение:</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <source>Remind after:</source>
        <translation>Напомнить через:</translation>
    </message>
    <message>
        <source>Count lessons in the last:</source>
        <translation>Считать занятия за последние:</translation>
    </message>
    <message>
        <source>At least, lessons:</source>
        <translation>Занятий не меньше:</translation>
    </message>
    <message>
        <source>Last visit within:</source>
        <translation>Последний визит не позже чем за:</translation>
    </message>
    <message>
        <source>The one lesson not earlier than:</source>
        <translation>Единственное занятие не раньше чем за:</translation>
    </message>
    <message>
        <source>Not seen since, at least:</source>
        <translation>Не приходят уже не меньше:</translation>
    </message>
    <message>
        <source>Came within the last:</source>
        <translation>Были за последние:</translation>
    </message>
    <message>
        <source>Added within the last:</source>
        <translation>Добавлены за последние:</translation>
    </message>
    <message>
        <source>The day is within the next:</source>
        <translation>Событие в ближайшие:</translation>
    </message>
    <message>
        <source>The day was within the last:</source>
        <translation>Событие было за последние:</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <source>Import survey answers</source>
        <translation>Загрузка ответов опроса</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответ получен</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Survey:</source>
        <translation>Опрос:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Time zone of the form&apos;s sheet:</source>
        <translation>Часовой пояс таблицы формы:</translation>
    </message>
    <message>
        <source>time of the answer</source>
        <translation>время ответа</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>family code</source>
        <translation>код семьи</translation>
    </message>
    <message>
        <source>NPS score 0–10</source>
        <translation>оценка NPS 0–10</translation>
    </message>
    <message>
        <source>CSAT score 1–5</source>
        <translation>оценка CSAT 1–5</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <source>satisfaction: {name}</source>
        <translation>удовлетворённость: {name}</translation>
    </message>
    <message>
        <source>A Google Form&apos;s responses</source>
        <translation>Ответы Google Формы</translation>
    </message>
    <message>
        <source>Responses (*.csv *.xlsx)</source>
        <translation>Ответы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>family by {how}</source>
        <translation>семья найдена: {how}</translation>
    </message>
    <message>
        <source>no family: kept anonymous</source>
        <translation>семья не найдена: ответ сохранится анонимно</translation>
    </message>
    <message>
        <source>the name matches {name}: tick to confirm</source>
        <translation>совпадает имя «{name}»: отметьте, чтобы подтвердить</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>строка {line}: {reason}</translation>
    </message>
    <message>
        <source>{rows} rows: {new} new ({matched} with a family, {unmatched} anonymous), {dup} imported before.</source>
        <translation>Строк: {rows}; новых: {new} (с семьёй: {matched}, анонимных: {unmatched}); загружены раньше: {dup}.</translation>
    </message>
    <message>
        <source>the time «{value}» cannot be read</source>
        <translation>не удаётся прочитать время «{value}»</translation>
    </message>
    <message>
        <source>the NPS score «{value}» is not 0–10</source>
        <translation>оценка NPS «{value}» не от 0 до 10</translation>
    </message>
    <message>
        <source>the CSAT score «{value}» is not 1–5</source>
        <translation>оценка CSAT «{value}» не от 1 до 5</translation>
    </message>
    <message>
        <source>the score «{value}» is not 1–{top}</source>
        <translation>оценка «{value}» не от 1 до {top}</translation>
    </message>
    <message>
        <source>unknown field {value}</source>
        <translation>неизвестное поле {value}</translation>
    </message>
    <message>
        <source>the file has no column «{value}»</source>
        <translation>в файле нет столбца «{value}»</translation>
    </message>
    <message>
        <source>no satisfaction item {value}</source>
        <translation>нет такого пункта удовлетворённости: {value}</translation>
    </message>
    <message>
        <source>choose the column with the time of the answers</source>
        <translation>выберите столбец со временем ответов</translation>
    </message>
    <message>
        <source>code</source>
        <translation>по коду</translation>
    </message>
    <message>
        <source>Imported {n} answers ({matched} with a family); {dup} were there already.</source>
        <translation>Загружено ответов: {n} (с семьёй: {matched}); уже были: {dup}.</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <source>skipped: no consent to messages</source>
        <translation>пропуск: нет согласия на сообщения</translation>
    </message>
    <message>
        <source>skipped: had a survey recently</source>
        <translation>пропуск: недавно был опрос</translation>
    </message>
    <message>
        <source>skipped: contact budget spent</source>
        <translation>пропуск: лимит контактов исчерпан</translation>
    </message>
    <message>
        <source>skipped: no e-mail or Telegram chat</source>
        <translation>пропуск: нет e-mail и чата в Telegram</translation>
    </message>
    <message>
        <source>skipped: the channel is not set up</source>
        <translation>пропуск: канал не настроен</translation>
    </message>
    <message>
        <source>(not in use)</source>
        <translation>(не используется)</translation>
    </message>
    <message>
        <source>answered {when}</source>
        <translation>ответили {when}</translation>
    </message>
    <message>
        <source>reminded {when}</source>
        <translation>напомнили {when}</translation>
    </message>
    <message>
        <source>delivered, no answer yet</source>
        <translation>доставлено, ждём ответа</translation>
    </message>
    <message>
        <source>not delivered: {reason}</source>
        <translation>не доставлено: {reason}</translation>
    </message>
    <message>
        <source>message removed</source>
        <translation>сообщение удалено</translation>
    </message>
    <message>
        <source>in the outbox</source>
        <translation>в исходящих</translation>
    </message>
    <message>
        <source>will get it</source>
        <translation>получит</translation>
    </message>
</context>
<context>
    <name>SurveysModel</name>
    <message>
        <source>Survey</source>
        <translation>Опрос</translation>
    </message>
    <message>
        <source>Who gets it</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Приглашено</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответили</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Последняя отправка</translation>
    </message>
</context>
<context>
    <name>SurveysView</name>
    <message>
        <source>Send…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Who gets it now, who is skipped and why; then send</source>
        <translation>Кто получит сейчас, кто пропущен и почему; затем отправка</translation>
    </message>
    <message>
        <source>Remind…</source>
        <translation>Напомнить…</translation>
    </message>
    <message>
        <source>One reminder to the families who have not answered</source>
        <translation>Одно напоминание семьям, которые не ответили</translation>
    </message>
    <message>
        <source>Paper answer…</source>
        <translation>Бумажная анкета…</translation>
    </message>
    <message>
        <source>Type in an answer from a paper form</source>
        <translation>Внести ответ с бумажной анкеты</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>New survey…</source>
        <translation>Новый опрос…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>A family gets at most one survey in this many days</source>
        <translation>Семья получает не больше одного опроса за столько дней</translation>
    </message>
    <message>
        <source>Double-click to open the family&apos;s card</source>
        <translation>Двойной щелчок открывает карточку семьи</translation>
    </message>
    <message>
        <source>One survey per family in</source>
        <translation>Один опрос семье за</translation>
    </message>
    <message>
        <source>{name}: invited {invited}, answered after the invitation {answered}; answers in all (form, calls, paper): {answers}.</source>
        <translation>{name}: приглашено {invited}, ответили после приглашения {answered}; всего ответов (форма, звонки, бумага): {answers}.</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Feedback tags</source>
        <translation>Теги отзывов</translation>
    </message>
    <message>
        <source>A tag, e.g. «Parking»</source>
        <translation>Тег, например «Парковка»</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (в архиве)</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Вернуть</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Роль: {role}</translation>
    </message>
    <message>
        <source>— not linked to a family —</source>
        <translation>— без привязки к семье —</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Что сделать:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Подробности:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Исполнитель:</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Семья:</translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>New task (Ctrl+T)</source>
        <translation>Новая задача (Ctrl+T)</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Mark the selected task done (Ctrl+D)</source>
        <translation>Отметить выбранную задачу выполненной (Ctrl+D)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Open family</source>
        <translation>Открыть семью</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочена</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочена</translation>
    </message>
</context>
<context>
    <name>TasksArea</name>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
</context>
<context>
    <name>TeachersEditor</name>
    <message>
        <source>New teacher</source>
        <translation>Новый педагог</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Head teacher (gets the second feedback calls)</source>
        <translation>Главный педагог (звонит за второй обратной связью)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Telegram:</source>
        <translation>Telegram:</translation>
    </message>
</context>
<context>
    <name>TellDialog</name>
    <message>
        <source>Tell the clients what changed</source>
        <translation>Сообщить клиентам, что изменилось</translation>
    </message>
    <message>
        <source>What the studio changed, in a sentence or two</source>
        <translation>Что изменила студия — в одном-двух предложениях</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Copy the by-hand ones</source>
        <translation>Скопировать для ручной отправки</translation>
    </message>
    <message>
        <source>The client said: «{quote}»</source>
        <translation>Клиент сказал: «{quote}»</translation>
    </message>
    <message>
        <source>Messages queued: {n}.</source>
        <translation>Сообщений в очереди: {n}.</translation>
    </message>
    <message>
        <source>The desk cannot reach these families, send it by hand: {names}.</source>
        <translation>Этим семьям Desk не напишет сам, отправьте вручную: {names}.</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <source>Top up the wallet</source>
        <translation>Пополнить кошелёк</translation>
    </message>
    <message>
        <source>Amount, ₽:</source>
        <translation>Сумма, ₽:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Enter an amount such as 2 500 or 2500,50.</source>
        <translation>Введите сумму, например 2 500 или 2500,50.</translation>
    </message>
    <message>
        <source>{amount} is a large payment (over {limit}). Is the amount right?</source>
        <translation>{amount} — крупный платёж (больше {limit}). Сумма верна?</translation>
    </message>
</context>
<context>
    <name>WaitingBanner</name>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>{who} ({channel}) has been waiting for an answer for {wait}</source>
        <translation>{who} ({channel}) ждёт ответа уже {wait}</translation>
    </message>
    <message>
        <source>{name} is on a call, please answer instead:</source>
        <translation>{name} на звонке — ответьте клиенту, пожалуйста:</translation>
    </message>
    <message>
        <source>{name} is away, please answer instead:</source>
        <translation>{name} не на месте — ответьте клиенту, пожалуйста:</translation>
    </message>
</context>
<context>
    <name>WalletPanel</name>
    <message>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <source>Reverse the entry…</source>
        <translation>Сторнировать…</translation>
    </message>
    <message>
        <source>Balance: {amount}</source>
        <translation>Баланс: {amount}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Post payments…</source>
        <translation>Разнести платежи…</translation>
    </message>
    <message>
        <source>Paste lines such as 2500 Демин Саша</source>
        <translation>Вставьте строки вида «2500 Демин Саша»</translation>
    </message>
    <message>
        <source>Checklist of the day…</source>
        <translation>Чек-лист дня…</translation>
    </message>
    <message>
        <source>The role&apos;s checklist from the database as it is now: preview, print, save</source>
        <translation>Чек-лист роли по базе в её текущем состоянии: просмотр, печать, сохранение</translation>
    </message>
    <message>
        <source>Channels: state…</source>
        <translation>Каналы: состояние…</translation>
    </message>
    <message>
        <source>Each bot and mailbox: its checks, alerts and the last 14 days</source>
        <translation>Каждый бот и почтовый ящик: проверки, тревоги и последние 14 дней</translation>
    </message>
    <message>
        <source>Today&apos;s tasks</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <source>Attendance check</source>
        <translation>Проверка отметок</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Обратная связь</translation>
    </message>
    <message>
        <source>Wallets and report</source>
        <translation>Кошельки и отчёт</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Непришедшие</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>Дни рождения</translation>
    </message>
    <message>
        <source>Mailings</source>
        <translation>Рассылки</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Опросы</translation>
    </message>
    <message>
        <source>Answers to feedback</source>
        <translation>Ответы на отзывы</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Скорость ответа</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Today, {date} — {role}</source>
        <translation>Сегодня, {date} — {role}</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (в архиве)</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Вернуть</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save the checklist</source>
        <translation>Сохранить чек-лист</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
</context>
</TS>
