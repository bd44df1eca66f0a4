/**
 * Demo service requests (seeds 003/004) so the inbox shows what it is for on a fresh `npm start`:
 * a breached incident nobody answered, a problem raised this morning, a request in work with an
 * answer, a development request the manager asked about («требует уточнения») and one waiting to
 * become a quote, a resolved one. Deadlines are what the API would have promised: the priority's
 * SLA level in working hours of the default calendar, from the moment each was raised.
 */
import { PRIORITY_LEVELS, reactionDeadline, type RequestKind, type RequestPriority, type RequestStatus } from '../../worker/domain/sla';
import { DEFAULT_WORKING_CALENDAR } from '../../worker/domain/working-time';
import { type Book, MANAGER } from './history-book';

const HOUR = 3_600_000;

interface DemoRequest {
  customer: number;
  hoursAgo: number;
  kind: RequestKind;
  priority: RequestPriority;
  status: RequestStatus;
  subject: string;
  description: string;
  /** The thread: who, hours after the request was raised, what. */
  thread: { staff: boolean; after: number; body: string }[];
}

const CONTACTS = ['Ирина Петровна Смирнова', 'Дмитрий Волков', 'Елена Кузнецова'];

const REQUESTS: DemoRequest[] = [
  {
    customer: 2,
    hoursAgo: 21 * 24,
    kind: 'incident',
    priority: 2,
    status: 'resolved',
    subject: 'Не приходят письма о новых заданиях',
    description: 'С понедельника студенты не получают уведомления о новых заданиях в курсах.',
    thread: [
      {
        staff: true,
        after: 2,
        body: 'Почтовый сервер отклонял письма из-за истёкшего сертификата. Сертификат обновлён, очередь писем отправлена.',
      },
      { staff: false, after: 5, body: 'Письма приходят, спасибо!' },
    ],
  },
  {
    customer: 1,
    hoursAgo: 10 * 24,
    kind: 'development',
    priority: 3,
    status: 'needs_clarification',
    subject: 'Выгрузка журнала посещаемости в 1С',
    description: 'Нужна ежемесячная выгрузка посещаемости по группам в 1С: Колледж.',
    thread: [
      {
        staff: true,
        after: 6,
        body: 'Уточните, пожалуйста, версию 1С и формат обмена (XML или CSV), а также кто будет запускать выгрузку.',
      },
    ],
  },
  {
    customer: 3,
    hoursAgo: 6 * 24,
    kind: 'service',
    priority: 3,
    status: 'in_work',
    subject: 'Добавить преподавателей нового семестра',
    description: 'Список из 14 преподавателей во вложении к письму от 25.11; роли — «Учитель» в курсах своих кафедр.',
    thread: [{ staff: true, after: 3, body: 'Список получили, заводим учётные записи и назначаем роли сегодня.' }],
  },
  {
    customer: 3,
    hoursAgo: 30,
    kind: 'development',
    priority: 4,
    status: 'new',
    subject: 'Отчёт по успеваемости для кураторов групп',
    description: 'Кураторам нужен отчёт: средний балл и долги по каждому студенту группы, с выгрузкой в Excel.',
    thread: [],
  },
  {
    customer: 1,
    hoursAgo: 3 * 24,
    kind: 'incident',
    priority: 1,
    status: 'new',
    subject: 'Тесты в курсе «Физика» не открываются',
    description: 'При открытии любого теста в курсе «Физика» студенты видят ошибку 500. Сессия через неделю.',
    thread: [],
  },
  {
    customer: 2,
    hoursAgo: 2,
    kind: 'problem',
    priority: 2,
    status: 'new',
    subject: 'Медленно открываются курсы с видео',
    description: 'Курсы с видеолекциями открываются по 20–30 секунд, остальные — как обычно.',
    thread: [],
  },
];

export function requestsAndAnswers(book: Book) {
  let id = 0;
  let comment = 0;
  for (const r of [...REQUESTS].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
    const created = book.now - r.hoursAgo * HOUR;
    const createdIso = book.iso(created);
    const level = PRIORITY_LEVELS[r.priority];
    const year = book.year(created);
    const firstStaff = r.thread.find((c) => c.staff);
    const last = r.thread.at(-1);
    book.row('service_requests', {
      id: ++id,
      number: `R-${year}-${String(book.next(`request:${year}`)).padStart(4, '0')}`,
      customer_id: r.customer,
      kind: r.kind,
      subject: r.subject,
      description: r.description,
      priority: r.priority,
      sla_level: level,
      status: r.status,
      due_at: reactionDeadline(createdIso, level, DEFAULT_WORKING_CALENDAR),
      first_answer_at: firstStaff ? book.iso(created + firstStaff.after * HOUR) : null,
      quote_id: null,
      write_token: null,
      ip: null,
      version: 1 + r.thread.length,
      created_at: createdIso,
      updated_at: last ? book.iso(created + last.after * HOUR) : createdIso,
    });
    for (const c of r.thread) {
      book.row('request_comments', {
        id: ++comment,
        request_id: id,
        author: c.staff ? 'staff' : 'customer',
        user_id: c.staff ? MANAGER : null,
        author_name: c.staff ? 'Максим Менеджеров' : CONTACTS[r.customer - 1]!,
        body: c.body,
        created_at: book.iso(created + c.after * HOUR),
      });
    }
  }
}
