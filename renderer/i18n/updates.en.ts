/** English texts of the Updates panel on the admin screen (merged into en.ts as `updates`). */
export const updatesEn = {
  title: 'Updates of this site',
  explain:
    'Kiosks take new versions from the on-premises feed and install them only inside the install window. Try a version on a pilot site or a share of kiosks first; go back by keeping an earlier version.',
  running: 'Versions the kiosks run',
  noReports: 'No kiosk has reported its version yet.',
  kiosks_one: 'on {{count}} kiosk',
  kiosks_many: 'on {{count}} kiosks',
  kiosks_other: 'on {{count}} kiosks',
  thisKiosk: 'this one',
  ring: 'Which builds this site takes',
  rings: {
    pilot: { name: 'Pilot', hint: 'The newest build, before other sites' },
    broad: { name: 'Broad', hint: 'The build every site gets once the pilot went well' },
  },
  percent: 'Share of this site’s kiosks that update now',
  percentHint:
    'The same kiosks go first each time; raising the share keeps them in. 0 % holds every kiosk where it is.',
  windowStart: 'Install window from',
  windowEnd: 'Install window until (site time)',
  pinned: 'Keep this version (or go back to it)',
  pinnedHint:
    'Every kiosk of the site installs it in the window, even an older one. Leave empty to follow the builds above.',
  stayOn: 'Keep {{version}}',
  followRing: 'Follow the builds again',
  badPercent: 'Enter a share between 0 and 100.',
  badVersion: 'Write a version as the feed names it, such as 1.4.0, or leave the field empty.',
  save: 'Save the update policy',
  saved: 'Saved: {{percent}} % of the kiosks follow the {{ring}} builds, from their next sync.',
  savedPinned: 'Saved: every kiosk of the site installs {{version}} in the window, from its next sync.',
};
