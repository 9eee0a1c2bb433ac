package io.gatehouse.userpool.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A mail server that accepts connections and then says nothing must not hold request threads: each send gives
 * up after the SMTP timeouts, and no more than {@code maxConcurrentSends} are waiting on the server at once.
 */
@Timeout(60)
class SmtpBulkheadTest {

	private static final RenderedMessage MESSAGE = new MessageTemplate("Your code", "<p>{####}</p>").render("123456",
			"jules");

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws IOException {
		this.threads.shutdownNow();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void sendWhenServerSilentThenFailsAfterTimeoutAndSendsBeyondTheLimitFailAtOnce() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			CountDownLatch connected = new CountDownLatch(1);
			this.threads.submit(() -> acceptAndSayNothing(silent, connected));
			SmtpEmailSender sender = new SmtpEmailSender(mailSender(silent.getLocalPort(), 1500), "auth@gatehouse.test",
					1);

			Future<?> first = this.threads.submit(() -> sender.send(EmailMessage.of("jules@example.com", MESSAGE)));
			assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();

			// The one permitted send is waiting for the server's greeting: another fails at once, naming why.
			assertThatExceptionOfType(MessageDeliveryException.class)
				.isThrownBy(() -> sender.send(EmailMessage.of("ana@example.com", MESSAGE)))
				.withMessage("mail to a***@example.com could not be sent:"
						+ " too many messages in hand at the SMTP server");
			assertThat(this.accepted).hasSize(1);

			// The waiting send gives up at the read timeout instead of holding its thread.
			Throwable failure = catchFailure(first);
			assertThat(failure).isInstanceOf(MessageDeliveryException.class)
				.hasMessage("mail to j***@example.com could not be sent");
			assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(SocketTimeoutException.class);

			// Its permit is back: the next send reaches the server again (and times out again).
			assertThatExceptionOfType(MessageDeliveryException.class)
				.isThrownBy(() -> sender.send(EmailMessage.of("ana@example.com", MESSAGE)))
				.withMessage("mail to a***@example.com could not be sent");
			assertThat(this.accepted).hasSize(2);
		}
	}

	@Test
	void sendWhenServerAnswersThenEveryMessageOfASequenceGoesOutThroughOnePermit() throws Exception {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		try {
			SmtpEmailSender sender = new SmtpEmailSender(mailSender(smtp.getSmtp().getPort(), 10_000),
					"auth@gatehouse.test", 1);

			for (int i = 0; i < 3; i++) {
				sender.send(EmailMessage.of("user" + i + "@example.com", MESSAGE));
			}

			assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
			assertThat(smtp.getReceivedMessages()).hasSize(3);
		}
		finally {
			smtp.stop();
		}
	}

	private void acceptAndSayNothing(ServerSocket server, CountDownLatch connected) {
		try {
			while (!server.isClosed()) {
				this.accepted.add(server.accept());
				connected.countDown();
			}
		}
		catch (IOException ex) {
			// closed at the end of the test
		}
	}

	private static Throwable catchFailure(Future<?> send) throws Exception {
		try {
			send.get(30, TimeUnit.SECONDS);
			return null;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return ex.getCause();
		}
	}

	private static JavaMailSenderImpl mailSender(int port, int timeoutMillis) {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
		properties.setProperty("mail.smtp.timeout", Integer.toString(timeoutMillis));
		properties.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
		mailSender.setJavaMailProperties(properties);
		return mailSender;
	}

}
