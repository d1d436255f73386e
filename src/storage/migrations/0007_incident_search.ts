import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * Full-text search over incidents: reference, title, description and the values of their
 * observables, kept in step by triggers so that every writer (API, form, mail intake, merge)
 * updates it without knowing it exists.
 *
 * SQLite: an FTS5 table without stored content (the text lives in `incidents`), keyed by
 * `incident_search_keys.id`, an explicit integer key that VACUUM cannot renumber.
 * PostgreSQL: `incident_search (incident_id, doc tsvector)` with a GIN index. ASCII punctuation
 * becomes a space before the `simple` parser runs, so both engines index the same tokens
 * (`src/modules/incidents/search.ts` builds the queries).
 */
export const searchPunctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * The same characters as a regular expression bracket (the four ASCII ranges between letters
 * and digits): `regexp_replace` with it is ten times quicker than `translate` with the list.
 */
export const punctuationClass = '[!-/:-@[-`{-~]';

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

/**
 * Statements that fill an empty search table from every incident at once: for this migration
 * and for bulk loads (a restore, the benchmark) that set the triggers aside while they insert.
 */
export function searchFillSql(dialect: Dialect): string[] {
  if (dialect === 'sqlite')
    return [
      `insert into incident_search_keys (incident_id) select id from incidents`,
      `insert into incident_search (rowid, reference, title, description, observables)
         select k.id, i.reference, i.title, i.description, coalesce(o.observables, '')
         from incidents i join incident_search_keys k on k.incident_id = i.id
         left join (select incident_id, group_concat(value, ' ') as observables
                    from incident_observables group by incident_id) o on o.incident_id = i.id`,
    ];
  return [
    `insert into incident_search (incident_id, doc)
       select i.id, to_tsvector('simple', regexp_replace(
         i.reference || ' ' || i.title || ' ' || i.description || ' ' || coalesce(o.observables, ''),
         '${punctuationClass}', ' ', 'g'))
       from incidents i
       left join (select incident_id, string_agg(value, ' ') as observables
                  from incident_observables group by incident_id) o on o.incident_id = i.id`,
  ];
}

async function upSqlite(db: AnyDb): Promise<void> {
  await sql`create table incident_search_keys (
    id integer primary key,
    incident_id text not null unique
  )`.execute(db);
  await sql`create virtual table incident_search using fts5(
    reference, title, description, observables,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // One statement rebuilds an incident's row; each trigger runs it for the incident it touched.
  const refresh = (target: string) => `
    delete from incident_search
      where rowid = (select id from incident_search_keys where incident_id = ${target});
    insert into incident_search (rowid, reference, title, description, observables)
      select k.id, i.reference, i.title, i.description,
             coalesce((select group_concat(o.value, ' ') from incident_observables o
                       where o.incident_id = i.id), '')
      from incidents i join incident_search_keys k on k.incident_id = i.id
      where i.id = ${target};`;
  const statements = [
    `create trigger incident_search_insert after insert on incidents begin
       insert or ignore into incident_search_keys (incident_id) values (new.id);
       ${refresh('new.id')}
     end`,
    `create trigger incident_search_update after update of reference, title, description
       on incidents begin ${refresh('new.id')} end`,
    `create trigger incident_search_delete after delete on incidents begin
       delete from incident_search
         where rowid = (select id from incident_search_keys where incident_id = old.id);
       delete from incident_search_keys where incident_id = old.id;
     end`,
    `create trigger incident_search_observable_insert after insert on incident_observables
       begin ${refresh('new.incident_id')} end`,
    `create trigger incident_search_observable_update after update of value, incident_id
       on incident_observables begin ${refresh('old.incident_id')} ${refresh('new.incident_id')} end`,
    `create trigger incident_search_observable_delete after delete on incident_observables
       begin ${refresh('old.incident_id')} end`,
    // Incidents written before this migration.
    ...searchFillSql('sqlite'),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  const document = (i: string) => `to_tsvector('simple', regexp_replace(
      ${i}.reference || ' ' || ${i}.title || ' ' || ${i}.description || ' ' ||
      coalesce((select string_agg(o.value, ' ') from incident_observables o
                where o.incident_id = ${i}.id), ''),
      '${punctuationClass}', ' ', 'g'))`;
  const statements = [
    `create table incident_search (
       incident_id text primary key,
       doc tsvector not null
     )`,
    `create index incident_search_doc_idx on incident_search using gin (doc)`,
    // plpgsql keeps its plans between calls (an SQL function would plan on every row).
    `create function incident_search_refresh(target text) returns void language plpgsql as $fn$
     begin
       insert into incident_search (incident_id, doc)
         select i.id, ${document('i')} from incidents i where i.id = target
         on conflict (incident_id) do update set doc = excluded.doc;
       if not found then delete from incident_search where incident_id = target; end if;
     end $fn$`,
    `create function incident_search_incident() returns trigger language plpgsql as $fn$
     begin
       if tg_op = 'DELETE' then
         delete from incident_search where incident_id = old.id;
       else
         perform incident_search_refresh(new.id);
       end if;
       return null;
     end $fn$`,
    `create function incident_search_observable() returns trigger language plpgsql as $fn$
     begin
       if tg_op <> 'INSERT' then perform incident_search_refresh(old.incident_id); end if;
       if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.incident_id <> old.incident_id
                                 or new.value <> old.value) then
         perform incident_search_refresh(new.incident_id);
       end if;
       return null;
     end $fn$`,
    `create trigger incident_search_insert after insert or delete on incidents
       for each row execute function incident_search_incident()`,
    `create trigger incident_search_update after update of reference, title, description
       on incidents for each row execute function incident_search_incident()`,
    `create trigger incident_search_observable after insert or update or delete
       on incident_observables for each row execute function incident_search_observable()`,
    ...searchFillSql('postgres'),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
