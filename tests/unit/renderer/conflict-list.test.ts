import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ConflictListView } from '../../../renderer/components/conflict-list.js';
import { createI18n } from '../../../renderer/i18n/index.js';
import type { ConflictList } from '../../../renderer/stores/conflicts-store.js';

const list: ConflictList = {
  conflicts: [
    {
      id: '0193ab12-cd34-7ef0-8123-456789abcdef',
      kind: 'rejected',
      code: 'FORBIDDEN',
      message: 'users.rename needs "users.manage", which this person\'s role at this site does not have.',
      mutation: 'users.rename',
      personName: 'Hugo Moreau',
      createdAt: '2026-11-22T09:00:00.000Z',
      lost: null,
    },
    {
      id: '0193ab12-cd34-7ef0-8123-456789abcde0',
      kind: 'overwritten',
      code: 'OVERWRITTEN',
      message: 'This change to users replaced values written later.',
      mutation: 'users.rename',
      personName: null,
      createdAt: '2026-11-22T09:01:00.000Z',
      lost: null,
    },
    {
      id: '0193ab12-cd34-7ef0-8123-456789abcde1',
      kind: 'rejected',
      code: 'SOMETHING_NEW',
      message: 'A reason this kiosk does not know yet.',
      mutation: 'x.y',
      personName: null,
      createdAt: '2026-11-22T09:02:00.000Z',
      lost: null,
    },
  ],
  deadLetters: [
    {
      seq: 7,
      mutation: 'users.setPin',
      status: 'rejected',
      error: 'NOT_FOUND: No users row 42 at this site.',
      queuedAt: '2026-11-22T08:00:00.000Z',
    },
  ],
};

const render = (locale: 'en' | 'fr', shown: ConflictList = list) =>
  renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: createI18n(locale) },
      createElement(ConflictListView, {
        list: shown,
        canResolve: true,
        resolving: null,
        onResolve: () => undefined,
        onUseMine: () => undefined,
      }),
    ),
  );

/** One edit made on the vessel that lost two fields of a student and a PIN to later edits ashore. */
const lostEdit: ConflictList = {
  conflicts: [
    {
      id: '0193ab12-cd34-7ef0-8123-456789abcdf0',
      kind: 'overwritten',
      code: 'LATER_EDIT_WON',
      message:
        'Changes made later were kept for students.course (kept from Shore office, changed at 2026-11-22T09:05:00.000Z)',
      mutation: 'classes.updateStudent',
      personName: 'Sophie Laurent',
      createdAt: '2026-11-29T09:00:00.000Z',
      lost: {
        madeAt: '2026-11-22T09:01:00.000Z',
        deviceName: 'Bridge tablet',
        changes: [
          {
            table: 'students',
            field: 'course',
            recordName: 'Ana Ribeiro',
            mine: 'Spanish A1',
            kept: 'French B2',
            secret: false,
            keptAt: '2026-11-22T09:05:00.000Z',
            keptDeviceName: 'Shore office',
          },
          {
            table: 'students',
            field: 'end_date',
            recordName: 'Ana Ribeiro',
            mine: null,
            kept: '2027-06-30',
            secret: false,
            keptAt: '2026-11-22T09:05:00.000Z',
            keptDeviceName: 'Shore office',
          },
          {
            table: 'users',
            field: 'pin_hash',
            recordName: 'Hugo Moreau',
            mine: null,
            kept: null,
            secret: true,
            keptAt: '2026-11-22T09:06:00.000Z',
            keptDeviceName: null,
          },
        ],
      },
    },
  ],
  deadLetters: [],
};
const count = (html: string, needle: string) => html.split(needle).length - 1;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the conflicts list', () => {
  it('explains each refusal in French by its code, and keeps what the server said as detail', () => {
    const html = render('fr');
    expect(html).toContain('Refusée par la terre : la personne qui l’a faite n’a pas ce droit sur ce site.');
    expect(html).toContain('plus récente du même champ');
    expect(html).toContain('La terre n’a pas pris cette modification telle qu’elle a été faite.');
    expect(html).toContain('Refusée par la terre : ce qu’elle modifie n’y existe plus.');
    expect(html).toContain('Message de la terre : users.rename needs');
    expect(html).toContain('Message de la terre : No users row 42 at this site.');
    expect(html).not.toContain('Shore refused');
    expect(html).toContain('Changement de nom d’une personne');
  });

  it('explains them in English too', () => {
    const html = render('en');
    expect(html).toContain('Shore refused it: the person who made it does not have the right for this at this site.');
    expect(html).toContain('Shore said: This change to users replaced values written later.');
    // What each change was, in words; an unknown kind of change is "a change", never its code.
    expect(html).toContain('Refused by shore</strong> · Renaming a person');
    expect(html).toContain('Changing a PIN · Refused by shore');
    expect(html).toContain('Refused by shore</strong> · A change');
    expect(html).not.toContain('<code>');
  });

  it('shows an edit that lost to a later one as one card, in words: record, field, both values, who, when and where', () => {
    const html = render('en', lostEdit);
    expect(count(html, 'data-testid="conflict-item"')).toBe(1);
    expect(count(html, 'data-testid="conflict-change"')).toBe(3);
    const words = text(html);
    expect(words).toContain('Ana Ribeiro: Course');
    expect(words).toContain('Ana Ribeiro: End date');
    expect(words).toContain('Hugo Moreau: PIN');
    expect(words).toMatch(/Kept French B2 changed .* on Shore office/);
    expect(words).toMatch(/Set aside Spanish A1 changed .* by Sophie Laurent on Bridge tablet/);
    expect(words).toContain('(empty)');
    expect(words).toContain('(hidden)');
    expect(words).toContain('on another kiosk');
    expect(words).toContain('Use mine instead');
    // No codes: no mutation name, no merge code, no raw timestamps.
    expect(html).not.toContain('classes.updateStudent');
    expect(html).not.toContain('LATER_EDIT_WON');
    expect(html).not.toContain('students.course');
    expect(html).not.toMatch(/\d{16}-[0-9a-f]{4}/);
  });

  it('says the same in French', () => {
    const words = text(render('fr', lostEdit));
    expect(words).toContain('Modifié à deux endroits : la modification la plus récente a été gardée');
    expect(words).toContain('Ana Ribeiro : Cours');
    expect(words).toContain('Ana Ribeiro : Date de fin');
    expect(words).toMatch(/Gardée French B2 modifiée le .* sur Shore office/);
    expect(words).toMatch(/Mise de côté Spanish A1 modifiée le .* par Sophie Laurent sur Bridge tablet/);
    expect(words).toContain('(vide)');
    expect(words).toContain('(masquée)');
    expect(words).toContain('sur un autre terminal');
    expect(words).toContain('Remettre la mienne');
    expect(words).not.toContain('Set aside');
  });
});
