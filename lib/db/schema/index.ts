export * from "./organisation";
export * from "./people";
export * from "./channels";
export * from "./delegation";
export * from "./audit";
export * from "./security";
export * from "./sessions";
export * from "./notify";
