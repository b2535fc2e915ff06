package org.exhunt.yara.module.pe;

/** Ordinal names of ws2_32.dll / wsock32.dll, as pefile and YARA know them. */
final class WinsockOrdinals {

    /** Runs of consecutive ordinals: the first ordinal, then the names in order. */
    private static final Object[][] RUNS = {
        {1, "accept bind closesocket connect getpeername getsockname getsockopt htonl htons ioctlsocket inet_addr"
                + " inet_ntoa listen ntohl ntohs recv recvfrom select send sendto setsockopt shutdown socket"
                + " GetAddrInfoW GetNameInfoW WSApSetPostRoutine FreeAddrInfoW WPUCompleteOverlappedRequest WSAAccept"
                + " WSAAddressToStringA WSAAddressToStringW WSACloseEvent WSAConnect WSACreateEvent WSADuplicateSocketA"
                + " WSADuplicateSocketW WSAEnumNameSpaceProvidersA WSAEnumNameSpaceProvidersW WSAEnumNetworkEvents"
                + " WSAEnumProtocolsA WSAEnumProtocolsW WSAEventSelect WSAGetOverlappedResult WSAGetQOSByName"
                + " WSAGetServiceClassInfoA WSAGetServiceClassInfoW WSAGetServiceClassNameByClassIdA"
                + " WSAGetServiceClassNameByClassIdW WSAHtonl WSAHtons gethostbyaddr gethostbyname getprotobyname"
                + " getprotobynumber getservbyname getservbyport gethostname WSAInstallServiceClassA"
                + " WSAInstallServiceClassW WSAIoctl WSAJoinLeaf WSALookupServiceBeginA WSALookupServiceBeginW"
                + " WSALookupServiceEnd WSALookupServiceNextA WSALookupServiceNextW WSANSPIoctl WSANtohl WSANtohs"
                + " WSAProviderConfigChange WSARecv WSARecvDisconnect WSARecvFrom WSARemoveServiceClass WSAResetEvent"
                + " WSASend WSASendDisconnect WSASendTo WSASetEvent WSASetServiceA WSASetServiceW WSASocketA WSASocketW"
                + " WSAStringToAddressA WSAStringToAddressW WSAWaitForMultipleEvents WSCDeinstallProvider"
                + " WSCEnableNSProvider WSCEnumProtocols WSCGetProviderPath WSCInstallNameSpace WSCInstallProvider"
                + " WSCUnInstallNameSpace WSCUpdateProvider WSCWriteNameSpaceOrder WSCWriteProviderOrder freeaddrinfo"
                + " getaddrinfo getnameinfo"},
        {101, "WSAAsyncSelect WSAAsyncGetHostByAddr WSAAsyncGetHostByName WSAAsyncGetProtoByNumber"
                + " WSAAsyncGetProtoByName WSAAsyncGetServByPort WSAAsyncGetServByName WSACancelAsyncRequest"
                + " WSASetBlockingHook WSAUnhookBlockingHook WSAGetLastError WSASetLastError WSACancelBlockingCall"
                + " WSAIsBlocking WSAStartup WSACleanup"},
        {151, "__WSAFDIsSet"},
        {500, "WEP"},
    };

    private static final OrdinalTable TABLE = new OrdinalTable(RUNS);

    private WinsockOrdinals() {
    }

    static String name(int ordinal) {
        return TABLE.name(ordinal);
    }
}
