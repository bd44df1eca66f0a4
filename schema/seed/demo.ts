/** Demo users, customers and settings for `npm start` (local only). */
import type { RoleT as Role } from '../api';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.local', name: 'Анна Админова', role: 'admin' },
  { email: 'manager@demo.local', name: 'Максим Менеджеров', role: 'manager' },
  { email: 'accountant@demo.local', name: 'Бухгалтер Ольга', role: 'accountant' },
];

export const DEMO_CUSTOMERS = [
  {
    name: 'Северный государственный университет',
    legalName: 'ФГБОУ ВО «Северный государственный университет»',
    taxId: '2901000001',
    email: 'lms@sevgu.example',
    phone: '+7 8182 00-00-01',
    contactName: 'Ирина Петровна Смирнова',
    address: 'Архангельск, наб. Северной Двины, 17',
    overdraftCenti: 0,
  },
  {
    name: 'ГК «Технопарк»',
    legalName: 'ООО «Группа компаний Технопарк»',
    taxId: '7701000002',
    email: 'learning@technopark.example',
    phone: '+7 495 000-00-02',
    contactName: 'Дмитрий Волков',
    address: 'Москва, Ленинский проспект, 42',
    overdraftCenti: 1000,
  },
  {
    name: 'Колледж связи № 7',
    legalName: 'ГБПОУ «Колледж связи № 7»',
    taxId: '7802000003',
    email: 'info@college7.example',
    phone: '+7 812 000-00-03',
    contactName: 'Елена Кузнецова',
    address: 'Санкт-Петербург, ул. Связи, 7',
    overdraftCenti: 0,
  },
];

export const DEMO_SETTINGS = {
  rateMinor: 300_000, // 3 000 ₽ per norm-hour
  currency: 'RUB',
  vatRateMilli: 220,
  vatMode: 'on_top' as const,
  timeZone: 'Europe/Moscow',
  companyName: 'ООО «Открытые технологии»',
  companyDetails: 'ИНН 0000000000 · Москва · sp-other@opentechnology.example',
  quoteValidityDays: 30,
  shareLinkDays: 30,
};
