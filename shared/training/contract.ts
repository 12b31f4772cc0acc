/** API methods of the training area, merged into the contract (shared/api/contract.ts). */
export const trainingContract = {} as const;
