import { describe, expect, it } from 'vitest';
import { previewNoonReportCsv } from '../../../shared/fuel/noon-csv.js';

describe('noon report CSV preview', () => {
  it('reads reports with consumption per fuel type and consumer, French decimals and semicolons too', () => {
    const p = previewNoonReportCsv(
      'report_date;loading;distance_nm;hours_steaming;main_engine_hfo_t;auxiliaries_mgo_t;boiler_hfo_t\n' +
        '2026-11-22;Laden;312,5;24;14,2;1,8;\n',
    );
    expect(p).toEqual({
      fileErrors: [],
      rows: [
        {
          line: 2,
          ok: true,
          value: {
            reportDate: '2026-11-22',
            loading: 'laden',
            distanceNm: 312.5,
            hoursSteaming: 24,
            consumption: [
              { fuelType: 'HFO', consumer: 'main_engine', tonnes: 14.2 },
              { fuelType: 'MGO', consumer: 'auxiliaries', tonnes: 1.8 },
            ],
          },
        },
      ],
    });
  });

  it('names the wrong fields of each line and keeps the good lines', () => {
    const p = previewNoonReportCsv(
      'report_date,loading,distance_nm,hours_steaming,main_engine_hfo_t\n' +
        '2026-11-22,laden,312,24,14.2\n' +
        '2026-13-01,loaded,312,30,-1\n',
    );
    expect(p.rows[0].ok).toBe(true);
    expect(p.rows[1]).toMatchObject({ line: 3, ok: false });
    const fields = p.rows[1].ok ? [] : p.rows[1].problems.map((x) => x.field);
    expect(fields).toEqual(['reportDate', 'loading', 'hoursSteaming', 'main_engine_hfo_t']);
  });

  it('refuses a file with missing or unknown columns before reading any line', () => {
    expect(previewNoonReportCsv('report_date,distance_nm\n2026-11-22,300\n').fileErrors[0]).toContain(
      'missing: loading, hours_steaming',
    );
    expect(
      previewNoonReportCsv('report_date,loading,distance_nm,hours_steaming,me_fuel\n2026-11-22,laden,300,24,3\n')
        .fileErrors,
    ).toEqual(['Unknown columns: me_fuel (consumption columns read like main_engine_hfo_t).']);
  });
});
