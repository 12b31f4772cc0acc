/** Line icons drawn inline: the kiosk has no emoji font and loads nothing from the network. */
const PATHS = {
  training: ['M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2z', 'M22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z'],
  classroom: ['M3 4h18v12H3z', 'M12 16v4', 'M8 20h8', 'M7 9h6', 'M7 12h4'],
  classes: ['M3 5h18v16H3z', 'M16 3v4', 'M8 3v4', 'M3 10h18', 'M8 14h2', 'M14 14h2', 'M8 17h2'],
  incidents: ['M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4', 'M12 17h.01'],
  compliance: ['M5 4h14v17H5z', 'M9 2h6v4H9z', 'M9 13l2 2 4-4'],
  fuel: ['M12 2.7l5.7 5.6a8 8 0 1 1-11.3 0z'],
  tables: ['M3 9h18', 'M5 9l-1 10', 'M19 9l1 10', 'M8 9v6h8V9', 'M6 5h12'],
  kitchen: ['M4 10h16v6a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4z', 'M2 10h2', 'M20 10h2', 'M9 3v4', 'M12 3v4', 'M15 3v4'],
  sales: ['M3 3v18h18', 'M7 15l4-4 3 3 5-6', 'M15 8h4v4'],
  analytics: ['M6 20v-6', 'M12 20V4', 'M18 20v-10', 'M3 20h18'],
  sync: ['M23 4v6h-6', 'M1 20v-6h6', 'M3.5 9a9 9 0 0 1 14.9-3.4L23 10', 'M1 14l4.6 4.4A9 9 0 0 0 20.5 15'],
  links: ['M5 12.55a11 11 0 0 1 14.08 0', 'M1.42 9a16 16 0 0 1 21.16 0', 'M8.53 16.11a6 6 0 0 1 6.95 0', 'M12 20h.01'],
  audit: ['M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z', 'M14 2v6h6', 'M16 13H8', 'M16 17H8', 'M10 9H8'],
  admin: [
    'M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2',
    'M5 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
    'M23 21v-2a4 4 0 0 0-3-3.9',
    'M16 3.1a4 4 0 0 1 0 7.8',
  ],
  backspace: ['M21 4H8l-7 8 7 8h13a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2z', 'M18 9l-6 6', 'M12 9l6 6'],
  signOut: ['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'M16 17l5-5-5-5', 'M21 12H9'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  home: ['M3 9l9-7 9 7v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z', 'M9 22V12h6v10'],
  back: ['M19 12H5', 'M12 19l-7-7 7-7'],
  check: ['M20 6L9 17l-5-5'],
  unavailable: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20', 'M4.9 4.9l14.2 14.2'],
} as const;

export type IconName = keyof typeof PATHS;
export const hasIcon = (name: string): name is IconName => Object.prototype.hasOwnProperty.call(PATHS, name);

export function Icon({ name, size = 32, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
