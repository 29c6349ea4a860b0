-- The AUDITOR role (issue 13): reads every request and the whole audit trail, decides nothing.
ALTER TYPE "Role" ADD VALUE 'AUDITOR';
