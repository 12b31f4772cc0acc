/** API methods of the classes area, merged into the contract (shared/api/contract.ts). */
export const classesContract = {} as const;
