import { staffApi } from '../api/assay-services.js';
import { Link } from '../routing/router.js';
import { minutesLabel, dateTimeLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

export function AssessmentsPage({ canCreate }: { canCreate: boolean }) {
  usePageTitle('Assessments');
  const assessments = useRequest(() => staffApi.listAssessments(), []);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Assessments</h1>
          <p className="muted">Timed sets of challenges from the bank. Invite candidates to one and compare them.</p>
        </div>
        {canCreate ? (
          <Link to="/app/assessments/new" className="button button-primary">
            New assessment
          </Link>
        ) : null}
      </div>
      <RequestView request={assessments} loading="Loading assessments…">
        {(list) =>
          list.length === 0 ? (
            <div className="empty-state">
              <h2>No assessments yet</h2>
              <p>Build one from the challenge bank: pick challenges by competency, type and difficulty.</p>
              {canCreate ? (
                <Link to="/app/assessments/new" className="button button-primary">
                  Build the first assessment
                </Link>
              ) : null}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">Assessments of your organisation</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Challenges</th>
                    <th scope="col" className="numeric">
                      Time limit
                    </th>
                    <th scope="col" className="numeric">
                      Estimated
                    </th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((assessment) => (
                    <tr key={assessment.id}>
                      <th scope="row">
                        <Link to={`/app/assessments/${assessment.id}`}>{assessment.title}</Link>
                      </th>
                      <td>{assessment.items.map((item) => item.title).join(', ')}</td>
                      <td className="numeric">{minutesLabel(assessment.durationMinutes)}</td>
                      <td className="numeric">{minutesLabel(assessment.estimatedMinutes)}</td>
                      <td>{dateTimeLabel(assessment.createdAt)}</td>
                      <td className="actions">
                        {canCreate ? (
                          <Link to={`/app/assessments/${assessment.id}/results`} className="button button-small">
                            Results
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </RequestView>
    </div>
  );
}
