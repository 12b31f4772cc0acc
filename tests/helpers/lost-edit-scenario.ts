import { createStudent, updateStudent } from '../../shared/classes/mutations.js';
import { demoUserId } from '../../shared/demo.js';
import { newId } from '../../shared/ids.js';
import { PERMISSIONS } from '../../shared/permissions.js';
import { sharedTime } from './shared-time.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };

/** The vessel's offline course change of 09:01 loses to the shore's of 09:05: one open conflict. */
export async function lostCourseChange() {
  const w = await sharedTime();
  const vessel = await w.kiosk('Bridge tablet');
  const shore = await w.kiosk('Shore office');
  const id = newId();
  const fields = {
    firstName: 'Ana',
    lastName: 'Ribeiro',
    course: 'French B1',
    startDate: '2026-11-23',
    endDate: null,
    schedule: [{ weekday: 1, start: '18:00', durationMinutes: 60 }],
  };
  await shore.runner.run(createStudent, { id, logId: newId(), ...fields }, admin);
  await shore.sync!.syncNow();
  await vessel.sync!.syncNow();
  w.advance(MIN);
  await vessel.runner.run(updateStudent, { id, logId: newId(), ...fields, course: 'Spanish A1' }, admin);
  w.advance(4 * MIN);
  await shore.runner.run(updateStudent, { id, logId: newId(), ...fields, course: 'French B2' }, admin);
  await shore.sync!.syncNow();
  w.advance(DAY);
  await vessel.sync!.syncNow();
  await vessel.sync!.syncNow();
  return { w, vessel, shore, id };
}
