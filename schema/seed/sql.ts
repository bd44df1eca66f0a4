/**
 * SQL for a fresh database's demo data: settings, categories, the catalog, users and
 * customers. Pure: password hashes are passed in (computed by the caller with WebCrypto).
 */
import { searchText } from '../../worker/domain/search-text';
import { SEED_CATEGORIES, SEED_ITEMS } from './catalog';
import { DEMO_CUSTOMERS, DEMO_SETTINGS, DEMO_USERS } from './demo';

export function sqlValue(v: string | number | boolean | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

export function insertSql(table: string, row: Record<string, string | number | boolean | null>): string {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => sqlValue(row[c]!)).join(', ')});`;
}

export function baseSeedSql(passwordHashes: Record<string, string>, now = new Date().toISOString()): string[] {
  const s = DEMO_SETTINGS;
  const out: string[] = [
    insertSql('settings', {
      id: 1,
      rate_minor: s.rateMinor,
      currency: s.currency,
      vat_rate_milli: s.vatRateMilli,
      vat_mode: s.vatMode,
      time_zone: s.timeZone,
      company_name: s.companyName,
      company_details: s.companyDetails,
      quote_validity_days: s.quoteValidityDays,
      share_link_days: s.shareLinkDays,
      version: 1,
      updated_at: now,
    }),
  ];
  SEED_CATEGORIES.forEach((c, i) => {
    out.push(
      insertSql('categories', { id: i + 1, code: c.code, name_ru: c.nameRu, name_en: c.nameEn, k_milli: c.kMilli, sort_order: i + 1 }),
    );
  });
  const categoryId = (code: string) => {
    const index = SEED_CATEGORIES.findIndex((c) => c.code === code);
    if (index < 0) throw new Error(`unknown category ${code}`);
    return { id: index + 1, kMilli: SEED_CATEGORIES[index]!.kMilli };
  };
  SEED_ITEMS.forEach((item, i) => {
    const category = categoryId(item.category);
    out.push(
      insertSql('catalog_items', {
        id: i + 1,
        code: item.code,
        section: item.section,
        name_ru: item.nameRu,
        name_en: item.nameEn,
        mode: item.mode,
        actual_time: item.actualTime,
        hours_centi: item.hoursCenti,
        category_id: category.id,
        k_milli: category.kMilli,
        description_ru: item.description,
        inputs_ru: item.inputs,
        result_ru: item.result,
        limits_ru: item.limits,
        active: true,
        sort_order: i + 1,
        version: 1,
        updated_at: now,
      }),
    );
  });
  DEMO_USERS.forEach((u, i) => {
    const hash = passwordHashes[u.email];
    if (!hash) throw new Error(`no password hash for ${u.email}`);
    out.push(
      insertSql('users', { id: i + 1, email: u.email, name: u.name, role: u.role, password_hash: hash, active: true, created_at: now }),
    );
  });
  DEMO_CUSTOMERS.forEach((c, i) => {
    out.push(
      insertSql('customers', {
        id: i + 1,
        name: c.name,
        legal_name: c.legalName,
        tax_id: c.taxId,
        email: c.email,
        phone: c.phone,
        contact_name: c.contactName,
        address: c.address,
        overdraft_centi: c.overdraftCenti,
        search_text: searchText(c.name, c.legalName, c.taxId),
        created_at: now,
      }),
    );
  });
  return out;
}
