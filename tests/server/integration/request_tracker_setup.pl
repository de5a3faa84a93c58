# Prepares a fresh Request Tracker database for the relay's integration test: the queue the relay
# posts to, the custom fields it fills, and a user with only the rights the relay needs, then
# prints an auth token for that user (REST 2.0 "Authorization: token ..."). Run with RT's lib
# directory on @INC and RT_SITE_CONFIG naming the test's site config.
use strict;
use warnings;
use RT;

RT::LoadConfig();
RT::Init();
my $system = RT->SystemUser;

sub must { my ($what, $ok, $msg) = @_; die "$what: $msg\n" unless $ok; }

my ($queue_name, @fields) = @ARGV;
die "usage: request_tracker_setup.pl QUEUE CUSTOM_FIELD...\n" unless $queue_name;

my $queue = RT::Queue->new($system);
must("queue $queue_name", $queue->Create(Name => $queue_name));

for my $name (@fields) {
  my $field = RT::CustomField->new($system);
  must("custom field $name",
       $field->Create(Name => $name, Type => 'Freeform', MaxValues => 1,
                      LookupType => RT::Ticket->CustomFieldLookupType));
  must("apply $name to $queue_name", $field->AddToObject($queue));
}

# What docs/server.md tells site owners to grant the relay's user, on the queue only.
my $user = RT::User->new($system);
must('user', $user->Create(Name => 'support-relay', Privileged => 1, EmailAddress => 'relay@rt.test'));
for my $right (qw(SeeQueue CreateTicket ShowTicket SeeCustomField ModifyCustomField)) {
  must("right $right", $user->PrincipalObj->GrantRight(Right => $right, Object => $queue));
}

my $token = RT::AuthToken->new($system);
my ($id, $msg, $auth_string) = $token->Create(Owner => $user->Id, Description => 'support relay');
must('auth token', $id, $msg);
print "$auth_string\n";
