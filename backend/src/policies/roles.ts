// Roles of the register's users (lomas): the shared model's list (model/src/enums.ts), which the
// console's role choices and labels use too.
export { roles, type Role } from '@adoption/model';
