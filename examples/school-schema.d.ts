// autoseed-schema.d.ts: the schema of database "autoseed_demo" (PostgreSQL 15.20 (Debian 15.20-0+deb12u1)), written by `autoseed init`.
// The tables and columns overrides.ts may name, and the TypeScript type each column override must produce.
// Do not edit: run `autoseed init --yes` again after a schema change.

/** school.audit_logs */
export interface SchoolAuditLogs {
  /** bigint NOT NULL */
  id: string | number;
  /** integer */
  actor_id: number | null;
  /** text NOT NULL */
  action: string;
  /** text NOT NULL */
  entity_type: string;
  /** text */
  entity_id: string | null;
  /** jsonb */
  changes: unknown;
  /** inet */
  ip_address: string | null;
  /** text */
  user_agent: string | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
}

/** school.behaviour_incidents */
export interface SchoolBehaviourIncidents {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  student_id: number;
  /** integer NOT NULL */
  reported_by: number;
  /** timestamp with time zone NOT NULL */
  occurred_at: string | Date;
  /** text NOT NULL */
  category: string;
  /** smallint NOT NULL */
  severity: number;
  /** text NOT NULL */
  description: string;
  /** text */
  action_taken: string | null;
  /** timestamp with time zone */
  resolved_at: string | Date | null;
}

/** school.bookings */
export interface SchoolBookings {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  resource_id: number;
  /** integer NOT NULL */
  booked_by: number;
  /** text NOT NULL */
  purpose: string;
  /** tstzrange NOT NULL */
  during: string;
  /** text NOT NULL */
  status: string;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
}

/** school.classes */
export interface SchoolClasses {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  term_id: number;
  /** integer NOT NULL */
  subject_id: number;
  /** integer NOT NULL */
  teacher_id: number;
  /** integer */
  room_id: number | null;
  /** character varying(4) NOT NULL */
  section: string;
  /** smallint NOT NULL */
  capacity: number;
  /** jsonb */
  schedule: unknown;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
}

/** school.conversation_participants */
export interface SchoolConversationParticipants {
  /** integer NOT NULL */
  id: number;
  /** uuid NOT NULL */
  conversation_id: string;
  /** integer */
  staff_id: number | null;
  /** uuid */
  guardian_id: string | null;
  /** text NOT NULL */
  role: string;
  /** timestamp with time zone NOT NULL */
  joined_at: string | Date;
  /** timestamp with time zone */
  last_read_at: string | Date | null;
}

/** school.conversations */
export interface SchoolConversations {
  /** uuid NOT NULL */
  id: string;
  /** text NOT NULL */
  subject: string;
  /** integer */
  student_id: number | null;
  /** boolean NOT NULL */
  is_archived: boolean;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.departments */
export interface SchoolDepartments {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  school_id: number;
  /** text NOT NULL */
  name: string;
  /** integer */
  head_id: number | null;
  /** school.positive_money */
  budget: string | number | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
}

/** school.enrollments */
export interface SchoolEnrollments {
  /** bigint NOT NULL */
  id: string | number;
  /** integer NOT NULL */
  student_id: number;
  /** integer NOT NULL */
  class_id: number;
  /** school.enrollment_status NOT NULL */
  status: 'active' | 'dropped' | 'completed';
  /** timestamp with time zone NOT NULL */
  enrolled_at: string | Date;
  /** character(1) */
  final_grade: string | null;
}

/** school.exams */
export interface SchoolExams {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  class_id: number;
  /** text NOT NULL */
  title: string;
  /** text NOT NULL */
  exam_type: string;
  /** timestamp with time zone NOT NULL */
  scheduled_at: string | Date;
  /** integer NOT NULL */
  duration_minutes: number;
  /** numeric(5,2) NOT NULL */
  max_score: string | number;
}

/** school.guardians */
export interface SchoolGuardians {
  /** uuid NOT NULL */
  id: string;
  /** text NOT NULL */
  first_name: string;
  /** text NOT NULL */
  last_name: string;
  /** school.email_address NOT NULL */
  email: string;
  /** character varying(32) NOT NULL */
  phone: string;
  /** text */
  street: string | null;
  /** text */
  city: string | null;
  /** character varying(12) */
  postal_code: string | null;
  /** school.country_code NOT NULL */
  country_code: string;
  /** character varying(8) NOT NULL */
  preferred_language: string;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.invoice_lines */
export interface SchoolInvoiceLines {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  invoice_id: number;
  /** text NOT NULL */
  description: string;
  /** integer NOT NULL */
  quantity: number;
  /** school.positive_money NOT NULL */
  unit_price: string | number;
}

/** school.invoices */
export interface SchoolInvoices {
  /** integer NOT NULL */
  id: number;
  /** character varying(20) NOT NULL */
  invoice_number: string;
  /** uuid NOT NULL */
  guardian_id: string;
  /** integer NOT NULL */
  student_id: number;
  /** date NOT NULL */
  issued_on: string | Date;
  /** date NOT NULL */
  due_on: string | Date;
  /** school.positive_money NOT NULL */
  amount: string | number;
  /** character(3) NOT NULL */
  currency: string;
  /** school.invoice_status NOT NULL */
  status: 'draft' | 'issued' | 'paid' | 'overdue' | 'void';
  /** text */
  notes: string | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.lesson_attendance */
export interface SchoolLessonAttendance {
  /** bigint NOT NULL */
  lesson_id: string | number;
  /** integer NOT NULL */
  student_id: number;
  /** text NOT NULL */
  status: string;
  /** smallint */
  minutes_late: number | null;
  /** timestamp with time zone NOT NULL */
  recorded_at: string | Date;
}

/** school.lessons */
export interface SchoolLessons {
  /** bigint NOT NULL */
  id: string | number;
  /** integer NOT NULL */
  class_id: number;
  /** integer */
  syllabus_id: number | null;
  /** text NOT NULL */
  title: string;
  /** timestamp with time zone NOT NULL */
  starts_at: string | Date;
  /** timestamp with time zone NOT NULL */
  ends_at: string | Date;
  /** text */
  homework: string | null;
}

/** school.messages */
export interface SchoolMessages {
  /** bigint NOT NULL */
  id: string | number;
  /** uuid NOT NULL */
  conversation_id: string;
  /** integer NOT NULL */
  sender_id: number;
  /** text NOT NULL */
  body: string;
  /** jsonb */
  attachments: unknown;
  /** timestamp with time zone NOT NULL */
  sent_at: string | Date;
  /** timestamp with time zone */
  edited_at: string | Date | null;
}

/** school.payments */
export interface SchoolPayments {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  invoice_id: number;
  /** school.positive_money NOT NULL */
  amount: string | number;
  /** character(3) NOT NULL */
  currency: string;
  /** text NOT NULL */
  method: string;
  /** character varying(32) */
  reference: string | null;
  /** timestamp with time zone NOT NULL */
  paid_at: string | Date;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
}

/** school.resources */
export interface SchoolResources {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  school_id: number;
  /** text NOT NULL */
  name: string;
  /** school.resource_kind NOT NULL */
  kind: 'classroom' | 'laboratory' | 'sports_hall' | 'projector' | 'laptop_cart' | 'minibus';
  /** integer */
  capacity: number | null;
  /** text[] */
  tags: string[] | null;
  /** jsonb NOT NULL */
  features: unknown;
}

/** school.results */
export interface SchoolResults {
  /** bigint NOT NULL */
  id: string | number;
  /** integer NOT NULL */
  exam_id: number;
  /** integer NOT NULL */
  student_id: number;
  /** numeric(5,2) NOT NULL */
  score: string | number;
  /** character(1) NOT NULL */
  grade: string;
  /** text */
  comment: string | null;
  /** timestamp with time zone NOT NULL */
  graded_at: string | Date;
}

/** school.schools */
export interface SchoolSchools {
  /** integer NOT NULL */
  id: number;
  /** character varying(12) NOT NULL */
  code: string;
  /** text NOT NULL */
  name: string;
  /** text */
  street: string | null;
  /** text NOT NULL */
  city: string;
  /** character varying(12) */
  postal_code: string | null;
  /** school.country_code NOT NULL */
  country_code: string;
  /** character varying(32) */
  phone: string | null;
  /** text */
  website: string | null;
  /** date */
  founded_on: string | Date | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.staff */
export interface SchoolStaff {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  department_id: number;
  /** integer */
  manager_id: number | null;
  /** text NOT NULL */
  first_name: string;
  /** text NOT NULL */
  last_name: string;
  /** school.email_address NOT NULL */
  email: string;
  /** character varying(32) */
  phone: string | null;
  /** school.staff_role NOT NULL */
  role: 'teacher' | 'teaching_assistant' | 'counsellor' | 'administrator' | 'principal';
  /** text */
  job_title: string | null;
  /** date NOT NULL */
  hired_on: string | Date;
  /** school.positive_money */
  salary: string | number | null;
  /** timestamp with time zone */
  deleted_at: string | Date | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.student_guardians */
export interface SchoolStudentGuardians {
  /** integer NOT NULL */
  student_id: number;
  /** uuid NOT NULL */
  guardian_id: string;
  /** text NOT NULL */
  relationship: string;
  /** boolean NOT NULL */
  is_primary: boolean;
  /** boolean NOT NULL */
  can_pick_up: boolean;
}

/** school.students */
export interface SchoolStudents {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  school_id: number;
  /** character varying(16) NOT NULL */
  student_number: string;
  /** text NOT NULL */
  first_name: string;
  /** text NOT NULL */
  last_name: string;
  /** school.email_address */
  email: string | null;
  /** date NOT NULL */
  date_of_birth: string | Date;
  /** text */
  gender: string | null;
  /** school.student_status NOT NULL */
  status: 'applicant' | 'active' | 'suspended' | 'graduated' | 'withdrawn';
  /** date */
  enrolled_on: string | Date | null;
  /** text[] NOT NULL */
  allergies: string[];
  /** text */
  medical_notes: string | null;
  /** timestamp with time zone NOT NULL */
  created_at: string | Date;
  /** timestamp with time zone NOT NULL */
  updated_at: string | Date;
}

/** school.subjects */
export interface SchoolSubjects {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  department_id: number;
  /** character varying(10) NOT NULL */
  code: string;
  /** text NOT NULL */
  title: string;
  /** text */
  description: string | null;
  /** smallint NOT NULL */
  credits: number;
  /** text NOT NULL */
  level: string;
}

/** school.syllabuses */
export interface SchoolSyllabuses {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  subject_id: number;
  /** integer NOT NULL */
  term_id: number;
  /** integer NOT NULL */
  version: number;
  /** text NOT NULL */
  title: string;
  /** text */
  summary: string | null;
  /** text[] NOT NULL */
  objectives: string[];
  /** jsonb */
  reading_list: unknown;
  /** timestamp with time zone */
  published_at: string | Date | null;
}

/** school.terms */
export interface SchoolTerms {
  /** integer NOT NULL */
  id: number;
  /** integer NOT NULL */
  school_id: number;
  /** character varying(40) NOT NULL */
  name: string;
  /** date NOT NULL */
  starts_on: string | Date;
  /** date NOT NULL */
  ends_on: string | Date;
}

/** Table name (schema-qualified, or bare when only one schema has it) → its columns. */
export interface Schema {
  'school.audit_logs': SchoolAuditLogs;
  audit_logs: SchoolAuditLogs;
  'school.behaviour_incidents': SchoolBehaviourIncidents;
  behaviour_incidents: SchoolBehaviourIncidents;
  'school.bookings': SchoolBookings;
  bookings: SchoolBookings;
  'school.classes': SchoolClasses;
  classes: SchoolClasses;
  'school.conversation_participants': SchoolConversationParticipants;
  conversation_participants: SchoolConversationParticipants;
  'school.conversations': SchoolConversations;
  conversations: SchoolConversations;
  'school.departments': SchoolDepartments;
  departments: SchoolDepartments;
  'school.enrollments': SchoolEnrollments;
  enrollments: SchoolEnrollments;
  'school.exams': SchoolExams;
  exams: SchoolExams;
  'school.guardians': SchoolGuardians;
  guardians: SchoolGuardians;
  'school.invoice_lines': SchoolInvoiceLines;
  invoice_lines: SchoolInvoiceLines;
  'school.invoices': SchoolInvoices;
  invoices: SchoolInvoices;
  'school.lesson_attendance': SchoolLessonAttendance;
  lesson_attendance: SchoolLessonAttendance;
  'school.lessons': SchoolLessons;
  lessons: SchoolLessons;
  'school.messages': SchoolMessages;
  messages: SchoolMessages;
  'school.payments': SchoolPayments;
  payments: SchoolPayments;
  'school.resources': SchoolResources;
  resources: SchoolResources;
  'school.results': SchoolResults;
  results: SchoolResults;
  'school.schools': SchoolSchools;
  schools: SchoolSchools;
  'school.staff': SchoolStaff;
  staff: SchoolStaff;
  'school.student_guardians': SchoolStudentGuardians;
  student_guardians: SchoolStudentGuardians;
  'school.students': SchoolStudents;
  students: SchoolStudents;
  'school.subjects': SchoolSubjects;
  subjects: SchoolSubjects;
  'school.syllabuses': SchoolSyllabuses;
  syllabuses: SchoolSyllabuses;
  'school.terms': SchoolTerms;
  terms: SchoolTerms;
}
