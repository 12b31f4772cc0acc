import { parseArgs } from 'node:util';
import { issueCount } from '../shared/classes/diagnose.js';
import { openCentral } from '../server/central.js';
import {
  centralSites,
  diagnoseCentral,
  diagnoseKioskDb,
  fixCentral,
  fixKioskDb,
  formatDiagnosis,
  formatFix,
} from './classes-maintenance.js';

const USAGE = `Class tracking maintenance

  npm run classes -- diagnose --db <kiosk data dir or shiftdeck.db>
  npm run classes -- fix      --db <kiosk data dir or shiftdeck.db>
  npm run classes -- diagnose --central [--data-dir .data/central] [--site <site id>]
  npm run classes -- fix      --central [--data-dir .data/central] [--site <site id>]

diagnose lists students with missing classes, invalid schedules, classes outside the schedule and
duplicates; it exits 2 when it found any. fix creates the missing classes (from each student's
start date to the horizon) and says which students it skipped and why. On a kiosk the fix is a
mutation queued for sync; on the central database it is applied at once and the kiosks pull it.
The central database: DATABASE_URL (with SHIFTDECK_SERVICE_PASSWORD), or the embedded one.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      central: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data/central' },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'diagnose' && command !== 'fix') || (!values.db && !values.central)) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (values.db) {
    if (command === 'diagnose') {
      const { siteId, diagnosis } = await diagnoseKioskDb(values.db);
      console.log(formatDiagnosis(`Kiosk ${values.db} (site ${siteId})`, diagnosis));
      return issueCount(diagnosis) ? 2 : 0;
    }
    const r = await fixKioskDb(values.db);
    console.log(formatFix(`Kiosk ${values.db} (site ${r.siteId})`, r));
    return 0;
  }
  const central = await openCentral({ dataDir: values['data-dir'] });
  try {
    let issues = 0;
    const sites = await centralSites(central.admin, values.site);
    if (!sites.length) console.log(`No site${values.site ? ` ${values.site}` : ''} in ${central.where}.`);
    for (const site of sites) {
      if (command === 'diagnose') {
        const d = await diagnoseCentral(central.service, site.id);
        issues += issueCount(d);
        console.log(formatDiagnosis(`${site.name} (${site.id}), central`, d));
      } else {
        console.log(formatFix(`${site.name} (${site.id}), central`, await fixCentral(central.service, site.id)));
      }
    }
    return issues ? 2 : 0;
  } finally {
    await central.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
