export { capacityModel, fitPowerLaw, extrapolateStageCost, CAPACITY_SCALES } from "./capacity";
export type { CapacityRow } from "./capacity";
