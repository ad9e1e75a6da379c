// Issue-5 services (Gestion des accès, delegation) use the shared service shapes of lib/services.
export {
  failure,
  failureState as toFormState,
  problemKey as messageKey,
  uniqueViolation,
  type ServiceActor,
  type ServiceFailure as Failure,
  type ServiceResult,
} from "@/lib/services/result";
