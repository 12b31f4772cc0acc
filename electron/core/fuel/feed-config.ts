import { z } from 'zod';

/**
 * Where the fuel feed listens for the ship's NMEA 0183 network: UDP datagrams (a multiplexer's
 * broadcast) and/or TCP connections, one sentence a line. Port 0 picks a free port (tests).
 */
export const fuelFeedConfigSchema = z
  .object({
    /** The interface on the ship's instrument network; 127.0.0.1 keeps it on this machine. */
    host: z.string().min(1).default('127.0.0.1'),
    udpPort: z.number().int().min(0).max(65_535).optional(),
    tcpPort: z.number().int().min(0).max(65_535).optional(),
    /** Closed minutes written together as one `fuel.recordMinutes` (fewer bytes on the link). */
    summaryBatchMinutes: z.number().int().min(1).max(60).default(10),
  })
  .strict()
  .refine((c) => c.udpPort !== undefined || c.tcpPort !== undefined, {
    message: 'Give a UDP port, a TCP port or both',
    path: ['udpPort'],
  });

export type FuelFeedConfig = z.input<typeof fuelFeedConfigSchema>;
