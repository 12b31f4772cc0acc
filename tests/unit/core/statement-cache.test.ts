import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withStatementCache } from '../../../electron/core/db/statement-cache.js';
import { makeTempDir } from '../../helpers/tmp.js';

function openDb() {
  const db = new Database(join(makeTempDir(), 'cache.db'));
  onTestFinished(() => {
    db.close();
  });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT) STRICT');
  return db;
}

describe('statement cache', () => {
  it('hands back the same compiled statement for the same SQL', () => {
    const cached = withStatementCache(openDb());
    const a = cached.prepare('SELECT * FROM t WHERE id = ?');
    expect(cached.prepare('SELECT * FROM t WHERE id = ?')).toBe(a);
    expect(cached.prepare('SELECT id FROM t')).not.toBe(a);
  });

  it('drops the least recently used statement when full', () => {
    const cached = withStatementCache(openDb(), 2);
    const one = cached.prepare('SELECT 1');
    const two = cached.prepare('SELECT 2');
    expect(cached.prepare('SELECT 1')).toBe(one); // now SELECT 2 is the least recently used
    cached.prepare('SELECT 3');
    expect(cached.prepare('SELECT 1')).toBe(one);
    expect(cached.prepare('SELECT 2')).not.toBe(two);
  });

  it('passes everything else through to the connection', () => {
    const db = openDb();
    const cached = withStatementCache(db);
    cached.prepare('INSERT INTO t (v) VALUES (?)').run('x');
    expect(cached.inTransaction).toBe(false);
    expect(cached.transaction(() => cached.prepare('SELECT COUNT(*) AS n FROM t').get())()).toEqual({ n: 1 });
    expect(db.prepare('SELECT v FROM t').get()).toEqual({ v: 'x' });
  });
});
